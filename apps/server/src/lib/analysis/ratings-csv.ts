import {
  DIMENSION_STAT_COLUMNS,
  dimensionStatistics,
  RATER_STAT_COLUMNS,
  raterStatistics,
  toCsv,
} from "@loopwright/csv";
import {
  type AnalysisWithFlags,
  CSV_PREVIEW_ROWS,
  type CsvColumnMapping,
  type CsvColumnsPreview,
  RATING_COLUMNS,
  type RatingColumn,
  type RatingInput,
} from "@loopwright/schema";
import { CsvError, parse } from "csv-parse/sync";
import { badRequest } from "../../plugins/errors.js";
import { guessRatingColumns, unnamedColumns } from "./rating-columns.js";

/** What spreadsheets write between fields: a comma, or a semicolon where the comma is the decimal mark, or a tab. */
const DELIMITERS = [",", ";", "\t"] as const;
type Delimiter = (typeof DELIMITERS)[number];

/** The header's cells when split by `delimiter`, quotes and spaces trimmed. */
function headerCells(headerLine: string, delimiter: string): string[] {
  return headerLine.split(delimiter).map((h) => h.trim().replace(/^"|"$/g, ""));
}

/**
 * The delimiter the file uses, read from its header: the one that splits it into the most
 * cells recognisable as a rating column (named outright or by a synonym such as "Reviewer"),
 * then the one that splits it into the most cells, so a semicolon file from a European
 * spreadsheet or a tab-separated export reads as well as a comma one.
 */
export function detectDelimiter(headerLine: string): Delimiter {
  let best: Delimiter = ",";
  let bestKnown = -1;
  let bestCells = -1;
  for (const delimiter of DELIMITERS) {
    const cells = headerCells(headerLine, delimiter);
    const guess = guessRatingColumns(cells);
    const known = RATING_COLUMNS.filter((c) => guess[c] !== null).length;
    if (known > bestKnown || (known === bestKnown && cells.length > bestCells)) {
      best = delimiter;
      bestKnown = known;
      bestCells = cells.length;
    }
  }
  return best;
}

const firstLine = (text: string) => text.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] ?? "";

/** Records as arrays of trimmed cells; a parse error names its CSV line. */
function parseRecords(text: string, delimiter: Delimiter, options: { to?: number; relax?: boolean } = {}) {
  try {
    return parse(text, {
      delimiter,
      skip_empty_lines: true,
      trim: true,
      bom: true,
      relax_column_count: options.relax ?? false,
      ...(options.to ? { to: options.to } : {}),
    }) as string[][];
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines;
      throw badRequest(
        `${line ? `Line ${line}: ` : ""}the CSV does not parse: ${error.message.replace(/^Invalid Record Length: /, "")}`,
      );
    }
    throw error;
  }
}

const quoted = (names: readonly string[]) => names.map((n) => `'${n}'`).join(", ");

/**
 * Where each rating column sits in the header: under the header the mapping names for it,
 * or else under its own name, compared without case. Refuses a mapping to a header the file
 * lacks, a header the file has twice, two columns mapped to one header, and columns that
 * are neither mapped nor named.
 */
export function resolveColumns(
  header: readonly string[],
  mapping: CsvColumnMapping,
): Record<RatingColumn, number> {
  const lower = header.map((h) => h.trim().toLowerCase());
  const indices = {} as Record<RatingColumn, number>;
  const missing: RatingColumn[] = [];
  const takenBy = new Map<number, RatingColumn>();
  for (const column of RATING_COLUMNS) {
    const mapped = mapping[column];
    const wanted = (mapped ?? column).trim().toLowerCase();
    const at = lower.flatMap((h, i) => (h === wanted ? [i] : []));
    if (at.length === 0) {
      if (mapped !== undefined) {
        throw badRequest(
          `The ${column} is mapped to '${mapped}', but the CSV has no such column; its header is ${quoted(header)}.`,
        );
      }
      missing.push(column);
      continue;
    }
    if (at.length > 1) {
      throw badRequest(
        `The CSV's header names '${header[at[0] as number]}' ${at.length} times, so the ${column} column is ambiguous; rename all but one.`,
      );
    }
    const index = at[0] as number;
    const other = takenBy.get(index);
    if (other) {
      throw badRequest(
        `'${header[index]}' is mapped to both the ${other} and the ${column}; each column of the CSV can hold only one of them.`,
      );
    }
    takenBy.set(index, column);
    indices[column] = index;
  }
  if (missing.length > 0) {
    throw badRequest(
      `The CSV is missing the column${missing.length > 1 ? "s" : ""} ${quoted(missing)}; the header must name rater, subject, dimension and score, or say which of its columns holds each (e.g. ?rater=Reviewer).`,
    );
  }
  return indices;
}

/**
 * Reads ratings exported from an applicant tracking system: a header row with rater, subject,
 * dimension and score (any order, extra columns ignored, or other names given in `mapping`),
 * separated by commas, semicolons or tabs. Errors name the CSV line, counting the header as line 1.
 */
export function parseRatingsCsv(text: string, mapping: CsvColumnMapping = {}): RatingInput[] {
  if (text.trim() === "")
    throw badRequest("The CSV is empty; it needs a header row and at least one rating.");
  const records = parseRecords(text, detectDelimiter(firstLine(text)));
  const [header = [], ...rows] = records;
  const at = resolveColumns(header, mapping);
  if (rows.length === 0) throw badRequest("The CSV has a header but no ratings.");
  return rows.map((row, i) => {
    const line = i + 2;
    const cell = (column: RatingColumn) => row[at[column]] ?? "";
    for (const column of RATING_COLUMNS) {
      if (!cell(column)) throw badRequest(`Line ${line}: the ${column} is empty.`);
    }
    const score = Number(cell("score"));
    if (!Number.isInteger(score))
      throw badRequest(`Line ${line}: score '${cell("score")}' is not a whole number.`);
    return { rater: cell("rater"), subject: cell("subject"), dimension: cell("dimension"), score };
  });
}

/**
 * The start of a CSV as the mapping step shows it: the header, the first rows, the best guess
 * at each column and which columns the header does not name outright. Reads only the first few
 * records, so the client may send just the beginning of a large file.
 */
export function previewRatingsCsv(text: string): CsvColumnsPreview {
  if (text.trim() === "")
    throw badRequest("The CSV is empty; it needs a header row and at least one rating.");
  const delimiter = detectDelimiter(firstLine(text));
  const [header = [], ...rows] = parseRecords(text, delimiter, { to: CSV_PREVIEW_ROWS + 1, relax: true });
  return {
    delimiter,
    headers: header,
    rows: rows.map((row) => header.map((_, i) => row[i] ?? "")),
    guess: guessRatingColumns(header),
    missing: unnamedColumns(header),
  };
}

const DIMENSION_COLUMNS = ["section", "dimension", ...DIMENSION_STAT_COLUMNS] as const;
const RATER_COLUMNS = ["section", "rater", ...RATER_STAT_COLUMNS] as const;

/**
 * Two tables in one file, per dimension then per rater, with an empty line
 * between; undefined statistics are empty cells. Rater and dimension names
 * come from whoever made the upload, so the shared writer neutralises them.
 */
export function analysisToCsv(analysis: AnalysisWithFlags): string {
  const dimensions = toCsv(
    DIMENSION_COLUMNS,
    analysis.dimensions.map((d) => ({
      section: "dimension",
      dimension: d.dimension,
      ...dimensionStatistics(d),
    })),
  );
  const raters = toCsv(
    RATER_COLUMNS,
    analysis.raters.map((r) => ({ section: "rater", rater: r.rater, ...raterStatistics(r) })),
  );
  return `${dimensions}\r\n${raters}`;
}
