/*
 * csv-stringify's browser build, on purpose, for Node too. The package's
 * default `csv-stringify/sync` entry reads Node's global `Buffer` when it is
 * imported, so in the web bundle it throws "Buffer is not defined" the moment
 * the page loads the export code, yet `vite build` succeeds without a warning.
 * `browser/esm/sync` is the same stringifier bundled with its own small Buffer
 * shim and no Node imports: it runs unchanged in the browser and in Node, so
 * the server and the client write CSV with the very same code.
 */
import { stringify } from "csv-stringify/browser/esm/sync";
import { type CsvValue, formatCell } from "./cell.js";

/**
 * Rows of cells as CSV text. Quoting (commas, quotes, line breaks) is the
 * library's; every cell goes through `formatCell` first, so text is
 * neutralised before any spreadsheet can see it. The library's own
 * `escape_formulas` stays off so that `neutraliseFormula` is the only rule. Lines end in CRLF, as RFC
 * 4180 and Excel expect, and the file ends with one. An empty row is an empty
 * line, which separates tables in a multi-table export.
 */
export function rowsToCsv(rows: readonly (readonly CsvValue[])[]): string {
  return stringify(
    rows.map((row) => row.map(formatCell)),
    {
      record_delimiter: "windows",
      // Naming a record delimiter switches off quoting of a lone \n or \r,
      // which every spreadsheet and parser would then read as a new row.
      quote_record_delimiter: true,
      eof: true,
    },
  );
}

/**
 * One table with a header row: each row is an object keyed by column, and a
 * column a row lacks is an empty cell, so every line has the same fields.
 */
export function toCsv<Column extends string>(
  columns: readonly Column[],
  rows: readonly Partial<Record<Column, CsvValue>>[],
): string {
  return rowsToCsv([columns, ...rows.map((row) => columns.map((column) => row[column]))]);
}
