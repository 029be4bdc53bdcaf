import { type AnalysisWithFlags, type ExerciseResults, RUBRIC_MAX, RUBRIC_MIN } from "@loopwright/schema";
import type { Analyzer } from "./analysis-pool.js";
import type { FlagLabels, StoredRating } from "./analysis-task.js";

/** Rubric scores from storage, on the bank's rubric scale. */
export function analyzeRubricScores(
  analyzer: Analyzer,
  ratings: readonly StoredRating[],
  labels: FlagLabels,
): Promise<AnalysisWithFlags> {
  return analyzer.analyze(ratings, { min: RUBRIC_MIN, max: RUBRIC_MAX }, labels);
}

/**
 * Ratings pooled from several rounds or sessions, analysed as one round and
 * shaped like an exercise's results so the same results page shows them.
 */
export async function pooledResults(
  analyzer: Analyzer,
  ratings: readonly StoredRating[],
  labels: {
    /** The name shown for a rater in the results. */
    raterName: (rater: string) => string;
    raterNames?: ReadonlyMap<string, string>;
    subjectLabels: ReadonlyMap<string, string>;
  },
): Promise<ExerciseResults> {
  const raters = new Set(ratings.map((r) => r.rater));
  const analysis = await analyzeRubricScores(analyzer, ratings, {
    raterNames: labels.raterNames,
    subjectLabels: labels.subjectLabels,
  });
  return {
    rounds: [{ round: 1, analysis }],
    raterNames: Object.fromEntries([...raters].map((r) => [r, labels.raterName(r)])),
    subjectLabels: Object.fromEntries(labels.subjectLabels),
    comments: [],
  };
}
