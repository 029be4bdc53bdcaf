export {
  DIMENSION_STAT_COLUMNS,
  dimensionStatistics,
  RATER_STAT_COLUMNS,
  raterStatistics,
} from "./agreement-columns.js";
export { type CsvValue, formatCell } from "./cell.js";
export { neutraliseFormula } from "./neutralise.js";
export { rowsToCsv, toCsv } from "./write.js";
