import type { AnalysisWithFlags, ExerciseResults } from "@loopwright/schema";

/**
 * Results as one CSV table with a single header row: one line per rubric
 * dimension, per interviewer, per interviewer × answer mean and per flag, in
 * every round. Columns that do not apply to a line's section are empty, and so
 * is a statistic that is undefined for the data. Names replace internal ids.
 */

export const RESULTS_CSV_COLUMNS = [
  "round",
  "section",
  "dimension",
  "interviewer",
  "answer",
  "raters",
  "subjects",
  "ratings",
  "alpha_nominal",
  "alpha_ordinal",
  "alpha_interval",
  "icc1",
  "icc2",
  "icc3",
  "icc1k",
  "icc2k",
  "icc3k",
  "fleiss_kappa",
  "exact_agreement",
  "adjacent_agreement",
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
type Row = Partial<Record<Column, string | number | null>>;

/** A CSV field: numbers to 4 decimals, text quoted when it holds a comma, quote or line break. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return "";
    return String(Math.round(value * 10_000) / 10_000);
  }
  // A leading =, +, - or @ would run as a formula in a spreadsheet.
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

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
      raters: d.raters,
      subjects: d.subjects,
      ratings: d.ratings,
      alpha_nominal: d.alpha.nominal,
      alpha_ordinal: d.alpha.ordinal,
      alpha_interval: d.alpha.interval,
      icc1: d.icc?.icc1 ?? null,
      icc2: d.icc?.icc2 ?? null,
      icc3: d.icc?.icc3 ?? null,
      icc1k: d.icc?.icc1k ?? null,
      icc2k: d.icc?.icc2k ?? null,
      icc3k: d.icc?.icc3k ?? null,
      fleiss_kappa: d.fleissKappa,
      exact_agreement: d.exactAgreement,
      adjacent_agreement: d.adjacentAgreement,
    });
  }
  for (const r of a.raters) {
    rows.push({
      round,
      section: "interviewer",
      interviewer: rater(r.rater),
      ratings: r.ratings,
      mean_offset: r.meanOffset,
      severity_logits: r.severity,
      severity_se: r.severitySE,
      infit: r.infit,
      outfit: r.outfit,
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

export function resultsToCsv(results: ExerciseResults): string {
  const rater = (id: string) => results.raterNames[id] ?? id;
  const subject = (id: string) => results.subjectLabels[id] ?? id;
  const rows = results.rounds.flatMap((r) => analysisRows(r.round, r.analysis, rater, subject));
  const lines = [RESULTS_CSV_COLUMNS.join(",")];
  for (const row of rows) lines.push(RESULTS_CSV_COLUMNS.map((c) => csvCell(row[c])).join(","));
  return `${lines.join("\r\n")}\r\n`;
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
export function exportFileName(title: string, extension: "csv" | "json"): string {
  const slug =
    title
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60) || "calibration";
  return `${slug}-results.${extension}`;
}
