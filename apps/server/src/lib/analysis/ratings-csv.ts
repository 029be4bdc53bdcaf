import {
  DIMENSION_STAT_COLUMNS,
  dimensionStatistics,
  RATER_STAT_COLUMNS,
  raterStatistics,
  toCsv,
} from "@loopwright/csv";
import type { AnalysisWithFlags, RatingInput } from "@loopwright/schema";
import { CsvError, parse } from "csv-parse/sync";
import { badRequest } from "../../plugins/errors.js";

const REQUIRED = ["rater", "subject", "dimension", "score"] as const;

/** What spreadsheets write between fields: a comma, or a semicolon where the comma is the decimal mark, or a tab. */
const DELIMITERS = [",", ";", "\t"] as const;

/** The header's cells when split by `delimiter`, lower-cased, quotes and spaces trimmed. */
function headerCells(headerLine: string, delimiter: string): string[] {
  return headerLine.split(delimiter).map((h) => h.trim().toLowerCase().replace(/^"|"$/g, ""));
}

/**
 * The delimiter the file uses, read from its header: the one that splits it into the most of the
 * required columns (then the one that splits it into the most cells), so a semicolon file from a
 * European spreadsheet or a tab-separated export reads as well as a comma one.
 */
export function detectDelimiter(headerLine: string): (typeof DELIMITERS)[number] {
  let best: (typeof DELIMITERS)[number] = ",";
  let bestRequired = -1;
  let bestCells = -1;
  for (const delimiter of DELIMITERS) {
    const cells = headerCells(headerLine, delimiter);
    const required = REQUIRED.filter((c) => cells.includes(c)).length;
    if (required > bestRequired || (required === bestRequired && cells.length > bestCells)) {
      best = delimiter;
      bestRequired = required;
      bestCells = cells.length;
    }
  }
  return best;
}

/**
 * Reads ratings exported from an applicant tracking system: a header row with
 * rater, subject, dimension and score (any order, extra columns ignored), separated by
 * commas, semicolons or tabs.
 * Errors name the CSV line, counting the header as line 1.
 */
export function parseRatingsCsv(text: string): RatingInput[] {
  if (text.trim() === "")
    throw badRequest("The CSV is empty; it needs a header row and at least one rating.");
  const headerLine = text.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] ?? "";
  const delimiter = detectDelimiter(headerLine);
  let rows: Record<string, string>[];
  try {
    rows = parse(text, {
      delimiter,
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
      bom: true,
      relax_column_count: false,
    });
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines;
      throw badRequest(
        `${line ? `Line ${line}: ` : ""}the CSV does not parse: ${error.message.replace(/^Invalid Record Length: /, "")}`,
      );
    }
    throw error;
  }
  const header = headerCells(headerLine, delimiter);
  const missing = REQUIRED.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    throw badRequest(
      `The CSV is missing the column${missing.length > 1 ? "s" : ""} ${missing.map((c) => `'${c}'`).join(", ")}; the header must name rater, subject, dimension and score.`,
    );
  }
  if (rows.length === 0) throw badRequest("The CSV has a header but no ratings.");
  return rows.map((row, i) => {
    const line = i + 2;
    for (const column of REQUIRED) {
      if (!row[column]) throw badRequest(`Line ${line}: the ${column} is empty.`);
    }
    const score = Number(row.score);
    if (!Number.isInteger(score))
      throw badRequest(`Line ${line}: score '${row.score}' is not a whole number.`);
    return {
      rater: row.rater as string,
      subject: row.subject as string,
      dimension: row.dimension as string,
      score,
    };
  });
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
