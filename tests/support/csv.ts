import { parse } from "csv-parse/sync";

/**
 * Reads a results CSV with csv-parse, independently of the app's writer, the
 * way a spreadsheet does: any unquoted line ending (CRLF, LF or a lone CR)
 * ends a row, so a line break the writer failed to quote shows up as a
 * broken row (and a column-count error) rather than passing unnoticed.
 */
export function readCsvTable(text: string): { header: string[]; rows: Record<string, string>[] } {
  const [header = [], ...lines] = parse(text, { record_delimiter: ["\r\n", "\n", "\r"] }) as string[][];
  return {
    header,
    rows: lines.map((line) => Object.fromEntries(header.map((column, i) => [column, line[i] ?? ""]))),
  };
}
