/**
 * Turns statistics into things a hiring manager can act on: anchors too vague
 * to agree on, interviewers off the panel's bar, answers that split the panel;
 * and the summaries the results pages draw (heatmap, score distributions).
 */

import type { AnalysisResult } from "./analyze.js";
import type { Rating, Scale } from "./data.js";

/** Where a statistic becomes a flag; the API's values live with its schema. */
export interface FlagThresholds {
  /** Below this ordinal alpha a dimension's anchors are too vague to agree on. */
  alpha: number;
  /** An interviewer this many points off the panel median, on average, is harsh or lenient. */
  offset: number;
  /** An answer whose scores on one dimension span this many points split the panel. */
  split: number;
}

export type Flag =
  | { kind: "vague-dimension"; dimension: string; alpha: number; message: string }
  | {
      kind: "rater-offset";
      rater: string;
      offset: number;
      direction: "harsher" | "more lenient";
      message: string;
    }
  | { kind: "split-answer"; subject: string; dimension: string; low: number; high: number; message: string };

export interface SubjectMean {
  rater: string;
  subject: string;
  mean: number;
}

export interface ScoreDistribution {
  dimension: string;
  counts: { score: number; count: number }[];
}

export interface ReferenceOffset {
  rater: string;
  ratings: number;
  meanOffset: number;
}

/** A rating that may carry the reference score of the answer (a graded example's). */
export type ReferencedRating = Rating & { reference?: number };

const fmt = (x: number) => x.toFixed(2);

export function panelFlags(
  analysis: Pick<AnalysisResult, "dimensions" | "raters">,
  ratings: readonly Rating[],
  thresholds: FlagThresholds,
  name: (rater: string) => string = (r) => r,
  label: (subject: string) => string = (s) => s,
): Flag[] {
  const flags: Flag[] = [];
  for (const d of analysis.dimensions) {
    const alpha = d.alpha.ordinal;
    if (alpha !== null && alpha < thresholds.alpha) {
      flags.push({
        kind: "vague-dimension",
        dimension: d.dimension,
        alpha,
        message: `${d.dimension}: ordinal alpha ${fmt(alpha)} is below ${thresholds.alpha} — the anchors are too vague to agree on; rewrite them with observable behaviour.`,
      });
    }
  }
  for (const r of analysis.raters) {
    if (r.meanOffset !== null && Math.abs(r.meanOffset) >= thresholds.offset) {
      const direction = r.meanOffset < 0 ? "harsher" : "more lenient";
      flags.push({
        kind: "rater-offset",
        rater: r.rater,
        offset: r.meanOffset,
        direction,
        message: `${name(r.rater)} scores ${fmt(Math.abs(r.meanOffset))} points ${r.meanOffset < 0 ? "below" : "above"} the rest of the panel on average (${direction}).`,
      });
    }
  }
  const cells = new Map<string, { subject: string; dimension: string; scores: number[] }>();
  for (const r of ratings) {
    const key = JSON.stringify([r.subject, r.dimension]);
    const cell = cells.get(key) ?? { subject: r.subject, dimension: r.dimension, scores: [] };
    cell.scores.push(r.score);
    cells.set(key, cell);
  }
  for (const cell of cells.values()) {
    if (cell.scores.length < 2) continue;
    const low = Math.min(...cell.scores);
    const high = Math.max(...cell.scores);
    if (high - low >= thresholds.split) {
      flags.push({
        kind: "split-answer",
        subject: cell.subject,
        dimension: cell.dimension,
        low,
        high,
        message: `${label(cell.subject)} split the panel on ${cell.dimension}: scores from ${low} to ${high}. Discuss what evidence each interviewer used.`,
      });
    }
  }
  return flags;
}

/** Mean score per rater × subject across dimensions, for the heatmap. */
export function raterSubjectMeans(ratings: readonly Rating[]): SubjectMean[] {
  const sums = new Map<string, { rater: string; subject: string; total: number; n: number }>();
  for (const r of ratings) {
    const key = JSON.stringify([r.rater, r.subject]);
    const cell = sums.get(key) ?? { rater: r.rater, subject: r.subject, total: 0, n: 0 };
    cell.total += r.score;
    cell.n += 1;
    sums.set(key, cell);
  }
  return [...sums.values()].map((c) => ({ rater: c.rater, subject: c.subject, mean: c.total / c.n }));
}

/** Counts of every score on the scale per dimension, zeros included, so bars line up. */
export function scoreDistributions(ratings: readonly Rating[], scale: Scale): ScoreDistribution[] {
  const byDimension = new Map<string, Map<number, number>>();
  for (const r of ratings) {
    const counts = byDimension.get(r.dimension) ?? new Map<number, number>();
    counts.set(r.score, (counts.get(r.score) ?? 0) + 1);
    byDimension.set(r.dimension, counts);
  }
  return [...byDimension].map(([dimension, counts]) => ({
    dimension,
    counts: Array.from({ length: scale.max - scale.min + 1 }, (_, i) => ({
      score: scale.min + i,
      count: counts.get(scale.min + i) ?? 0,
    })),
  }));
}

/** Mean (score − reference) per rater over the ratings that have a reference score. */
export function referenceOffsets(ratings: readonly ReferencedRating[]): ReferenceOffset[] {
  const sums = new Map<string, { total: number; n: number }>();
  for (const r of ratings) {
    if (r.reference === undefined) continue;
    const cell = sums.get(r.rater) ?? { total: 0, n: 0 };
    cell.total += r.score - r.reference;
    cell.n += 1;
    sums.set(r.rater, cell);
  }
  return [...sums].map(([rater, c]) => ({ rater, ratings: c.n, meanOffset: c.total / c.n }));
}
