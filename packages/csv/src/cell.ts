import { neutraliseFormula } from "./neutralise.js";

/** What a CSV cell can hold: a missing value, a statistic or text. */
export type CsvValue = string | number | null | undefined;

/**
 * The text of one cell before quoting. Statistics are rounded to 4 decimals,
 * which is more than any reader of an agreement table needs and keeps float
 * noise (0.30000000000000004) out of the file. Numbers are never neutralised:
 * a negative offset such as -0.25 must stay a number a spreadsheet can sum,
 * and a number cannot carry a formula. An undefined statistic (null, NaN,
 * infinity) is an empty cell rather than the word "NaN".
 */
export function formatCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return "";
    return String(Math.round(value * 10_000) / 10_000);
  }
  return neutraliseFormula(value);
}
