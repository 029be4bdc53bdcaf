export { type CsvValue, formatCell } from "./cell.js";
export { neutraliseFormula } from "./neutralise.js";
export { rowsToCsv, toCsv } from "./write.js";
