export * from "./match.js";
export { MATCHING_RULES } from "./rules.js";
export * from "./segments.js";
