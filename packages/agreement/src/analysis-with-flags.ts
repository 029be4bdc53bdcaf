import { type AnalysisResult, type AnalyzeOptions, analyze } from "./analyze.js";
import type { Scale } from "./data.js";
import {
  type Flag,
  type FlagThresholds,
  panelFlags,
  type ReferencedRating,
  type ReferenceOffset,
  raterSubjectMeans,
  referenceOffsets,
  type ScoreDistribution,
  type SubjectMean,
  scoreDistributions,
} from "./panel-flags.js";

/** The analysis with everything a results page shows. */
export interface AnalysisWithFlags extends AnalysisResult {
  flags: Flag[];
  heatmap: SubjectMean[];
  distributions: ScoreDistribution[];
  referenceOffsets: ReferenceOffset[];
}

export interface AnalysisWithFlagsOptions extends AnalyzeOptions {
  thresholds: FlagThresholds;
  /** How flag messages name raters and subjects; ids missing from a map are shown as they are. */
  raterNames?: ReadonlyMap<string, string>;
  subjectLabels?: ReadonlyMap<string, string>;
}

/**
 * analyze() plus the panel flags and summaries computed from it. Reference
 * scores, where ratings carry them, feed the reference offsets only.
 */
export function analysisWithFlags(
  ratings: readonly ReferencedRating[],
  scale: Scale,
  { thresholds, raterNames, subjectLabels, ...options }: AnalysisWithFlagsOptions,
): AnalysisWithFlags {
  const plain = ratings.map(({ rater, subject, dimension, score }) => ({ rater, subject, dimension, score }));
  const analysis = analyze(plain, scale, options);
  return {
    ...analysis,
    flags: panelFlags(
      analysis,
      plain,
      thresholds,
      (r) => raterNames?.get(r) ?? r,
      (s) => subjectLabels?.get(s) ?? s,
    ),
    heatmap: raterSubjectMeans(plain),
    distributions: scoreDistributions(plain, scale),
    referenceOffsets: referenceOffsets(ratings),
  };
}
