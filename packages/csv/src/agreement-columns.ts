import type { AnalysisWithFlags } from "@loopwright/schema";

type DimensionResult = AnalysisWithFlags["dimensions"][number];
type RaterResult = AnalysisWithFlags["raters"][number];

/**
 * The statistics columns of an agreement export, named once so the server's
 * analysis CSV and the browser's results CSV say the same thing the same way.
 */
export const DIMENSION_STAT_COLUMNS = [
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
] as const;

export const RATER_STAT_COLUMNS = [
  "ratings",
  "mean_offset",
  "severity_logits",
  "severity_se",
  "infit",
  "outfit",
] as const;

/** One rubric dimension's agreement; an ICC the design cannot support is an empty cell. */
export function dimensionStatistics(
  d: DimensionResult,
): Record<(typeof DIMENSION_STAT_COLUMNS)[number], number | null> {
  return {
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
  };
}

/** One interviewer's offset and Rasch severity. */
export function raterStatistics(r: RaterResult): Record<(typeof RATER_STAT_COLUMNS)[number], number | null> {
  return {
    ratings: r.ratings,
    mean_offset: r.meanOffset,
    severity_logits: r.severity,
    severity_se: r.severitySE,
    infit: r.infit,
    outfit: r.outfit,
  };
}
