/**
 * The one rule against CSV (formula) injection, shared by every CSV export.
 *
 * A spreadsheet reads a cell that begins with =, +, - or @ as a formula, so a
 * name like `=HYPERLINK("http://evil","click")` in an export would run when a
 * hiring manager opens it. A leading tab or carriage return counts too: some
 * spreadsheets drop it and read what follows as the start of the cell.
 * OWASP's advice is to start such a cell with an apostrophe, which makes a
 * spreadsheet take it as text.
 * https://owasp.org/www-community/attacks/CSV_Injection
 *
 * The full-width forms (＝ ＋ － ＠) are included because Apple Numbers folds
 * them into the ASCII ones; csv-stringify's own `escape_formulas` treats them
 * the same way.
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** Text that a spreadsheet would run as a formula, made inert with a leading apostrophe. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
