/**
 * The practitioner key lives in src/lib: peer sessions use it too, to save a
 * session's released feedback into the same practice history.
 */
export * from "../../../lib/practitioner-identity";
