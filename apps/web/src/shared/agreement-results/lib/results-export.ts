import {
  type CsvValue,
  DIMENSION_STAT_COLUMNS,
  dimensionStatistics,
  raterStatistics,
  toCsv,
} from "@loopwright/csv";
import type { AnalysisWithFlags, ExerciseResults } from "@loopwright/schema";

/**
 * Results as one CSV table with a single header row: one line per rubric
 * dimension, per interviewer, per interviewer × answer mean and per flag, in
 * every round, then one per comment. Columns that do not apply to a line's
 * section are empty, and so is a statistic that is undefined for the data.
 * Names replace internal ids. Names, labels and comments are typed by people,
 * so the shared writer neutralises any that a spreadsheet would run.
 */

export const RESULTS_CSV_COLUMNS = [
  "round",
  "section",
  "dimension",
  "interviewer",
  "answer",
  ...DIMENSION_STAT_COLUMNS,
  "mean_offset",
  "severity_logits",
  "severity_se",
  "infit",
  "outfit",
  "mean_score",
  "flag",
  "message",
] as const;
type Column = (typeof RESULTS_CSV_COLUMNS)[number];
type Row = Partial<Record<Column, CsvValue>>;

function analysisRows(
  round: number,
  a: AnalysisWithFlags,
  rater: (id: string) => string,
  subject: (id: string) => string,
): Row[] {
  const rows: Row[] = [];
  for (const d of a.dimensions) {
    rows.push({
      round,
      section: "dimension",
      dimension: d.dimension,
      ...dimensionStatistics(d),
    });
  }
  for (const r of a.raters) {
    rows.push({
      round,
      section: "interviewer",
      interviewer: rater(r.rater),
      ...raterStatistics(r),
    });
  }
  for (const h of a.heatmap) {
    rows.push({
      round,
      section: "answer_mean",
      interviewer: rater(h.rater),
      answer: subject(h.subject),
      mean_score: h.mean,
    });
  }
  for (const f of a.flags) {
    rows.push({
      round,
      section: "flag",
      flag: f.kind,
      dimension: f.kind === "rater-offset" ? null : f.dimension,
      interviewer: f.kind === "rater-offset" ? rater(f.rater) : null,
      answer: f.kind === "split-answer" ? subject(f.subject) : null,
      message: f.message,
    });
  }
  return rows;
}

function commentRows(
  comments: ExerciseResults["comments"],
  rater: (id: string) => string,
  subject: (id: string) => string,
  dimensionName: (itemId: string, dimension: string) => string,
): Row[] {
  return [...comments]
    .sort((a, b) => a.round - b.round)
    .map((c) => ({
      round: c.round,
      section: "comment",
      interviewer: rater(c.rater),
      answer: subject(c.itemId),
      dimension: c.dimension ? dimensionName(c.itemId, c.dimension) : null,
      message: c.comment,
    }));
}

export interface ResultsCsvOptions {
  /** A comment names its rubric dimension by id; the page that knows the rubric can name it. */
  dimensionName?: (itemId: string, dimension: string) => string;
}

export function resultsToCsv(results: ExerciseResults, options: ResultsCsvOptions = {}): string {
  const rater = (id: string) => results.raterNames[id] ?? id;
  const subject = (id: string) => results.subjectLabels[id] ?? id;
  const dimensionName = options.dimensionName ?? ((_itemId: string, dimension: string) => dimension);
  return toCsv(RESULTS_CSV_COLUMNS, [
    ...results.rounds.flatMap((r) => analysisRows(r.round, r.analysis, rater, subject)),
    ...commentRows(results.comments, rater, subject, dimensionName),
  ]);
}

/** The results as JSON, with interviewer names and answer labels alongside the ids. */
export function resultsToJson(results: ExerciseResults): string {
  return `${JSON.stringify(results, null, 2)}\n`;
}

/** Wraps a one-off analysis (e.g. a CSV upload) in the results shape the views and exports share. */
export function analysisAsResults(analysis: AnalysisWithFlags): ExerciseResults {
  return { rounds: [{ round: 1, analysis }], raterNames: {}, subjectLabels: {}, comments: [] };
}

/** A file name from a title: "Org design bar" → "org-design-bar-results.csv". */
/** The columns the CSV analysis page reads (apps/server/src/lib/analysis/ratings-csv.ts). */
export const RATINGS_CSV_COLUMNS = ["rater", "subject", "dimension", "score"] as const;

/**
 * The latest round's scores as given, one line per rating, by interviewer name and answer label:
 * exactly what the CSV analysis page accepts, so a team can re-run or share the analysis.
 * Null when the results carry no ratings (pooled loop results).
 */
export function ratingsToCsv(results: ExerciseResults): string | null {
  const latest = results.rounds.at(-1);
  if (!latest?.ratings) return null;
  return toCsv(
    RATINGS_CSV_COLUMNS,
    latest.ratings.map((r) => ({
      rater: results.raterNames[r.rater] ?? r.rater,
      subject: results.subjectLabels[r.subject] ?? r.subject,
      dimension: r.dimension,
      score: r.score,
    })),
  );
}

export function exportFileName(title: string, extension: "csv" | "json", what = "results"): string {
  const slug =
    title
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60) || "calibration";
  return `${slug}-${what}.${extension}`;
}
