/**
 * One call that turns a calibration exercise — several interviewers scoring the
 * same answers on rubric dimensions — into agreement statistics per dimension
 * and a severity profile per interviewer.
 */

import { groupRows, type IndexedRatings, indexRatings, type Rating, type Scale } from "./data.js";
import { fleissKappa } from "./fleiss.js";
import { type IccResult, icc } from "./icc.js";
import { alphaFromCoincidences, coincidences } from "./krippendorff.js";
import { estimateRasch, type RaschOptions } from "./rasch.js";

export interface DimensionResult {
  dimension: string;
  /** Distinct raters who scored this dimension. */
  raters: number;
  /** Distinct subjects (answers) scored on this dimension. */
  subjects: number;
  ratings: number;
  /** Krippendorff's alpha at three levels of measurement; null where undefined. */
  alpha: { nominal: number | null; ordinal: number | null; interval: number | null };
  /** Shrout–Fleiss ICCs; only for a complete design (every rater scored every subject, ≥ 2 of each), else null. */
  icc: IccResult | null;
  /** Fleiss' kappa over the scale's scores; only when every subject has the same number (≥ 2) of ratings. */
  fleissKappa: number | null;
  /** Share of rater pairs on the same subject with identical scores; null without pairs. */
  exactAgreement: number | null;
  /** Share of rater pairs on the same subject whose scores differ by at most 1; null without pairs. */
  adjacentAgreement: number | null;
}

export interface RaterResult {
  rater: string;
  ratings: number;
  /**
   * Mean over this rater's ratings of (score − median of the other raters' scores
   * on the same subject and dimension), skipping ratings nobody else gave. Null
   * when no rating has a counterpart. Negative = scores below the panel.
   */
  meanOffset: number | null;
  /**
   * Many-facet Rasch severity in logits, centred at 0 over the raters; positive =
   * harsher. For a small panel whose plain JMLE has no finite solution, the
   * penalised estimate (shrunk towards 0; see "Small panels" in the README).
   */
  severity: number | null;
  severitySE: number | null;
  /** Information-weighted mean-square fit; near 1 fits, well above 1 is erratic, well below 1 too predictable. */
  infit: number | null;
  /** Unweighted mean-square fit, more sensitive to isolated surprising scores. */
  outfit: number | null;
}

export interface AnalysisResult {
  /** In order of first appearance in the input. */
  dimensions: DimensionResult[];
  /** In order of first appearance in the input. */
  raters: RaterResult[];
}

export interface AnalyzeOptions {
  rasch?: RaschOptions;
}

/**
 * Per-dimension agreement (computed within each dimension) and per-rater
 * offsets and Rasch severities (computed across all dimensions). Throws
 * AgreementError for a score outside the scale or a duplicated rating.
 */
export function analyze(
  ratings: readonly Rating[],
  scale: Scale,
  options: AnalyzeOptions = {},
): AnalysisResult {
  const data = indexRatings(ratings, scale);
  const byDimension = groupRows(data.dimension, data.dimensions.length);
  const dimensions = data.dimensions.map((_, d) => analyzeDimension(data, d, byDimension[d] as Int32Array));
  const offsets = meanOffsets(data);
  const rasch = estimateRasch(data, options.rasch ?? {});
  const raterCounts = new Int32Array(data.raters.length);
  for (const r of data.rater) raterCounts[r] = (raterCounts[r] as number) + 1;
  const raters = data.raters.map((rater, j): RaterResult => {
    const m = rasch.raters.get(rater);
    return {
      rater,
      ratings: raterCounts[j] as number,
      meanOffset: offsets[j] ?? null,
      severity: m?.measure ?? null,
      severitySE: m?.se ?? null,
      infit: m?.infit ?? null,
      outfit: m?.outfit ?? null,
    };
  });
  return { dimensions, raters };
}

function analyzeDimension(data: IndexedRatings, d: number, rows: Int32Array): DimensionResult {
  const { scale } = data;
  const V = scale.max - scale.min + 1;
  // Local indices of the subjects and raters of this dimension.
  const subjectLocal = new Int32Array(data.subjects.length).fill(-1);
  const raterLocal = new Int32Array(data.raters.length).fill(-1);
  let S = 0;
  let R = 0;
  for (const r of rows) {
    const s = data.subject[r] as number;
    if (subjectLocal[s] === -1) subjectLocal[s] = S++;
    const j = data.rater[r] as number;
    if (raterLocal[j] === -1) raterLocal[j] = R++;
  }

  // Category counts per subject (categories = every score on the scale).
  const counts = new Float64Array(S * V);
  for (const r of rows) {
    const i =
      (subjectLocal[data.subject[r] as number] as number) * V + ((data.score[r] as number) - scale.min);
    counts[i] = (counts[i] as number) + 1;
  }
  const values = Array.from({ length: V }, (_, c) => scale.min + c);
  const co = coincidences(counts, S, V);

  let iccResult: IccResult | null = null;
  if (S >= 2 && R >= 2 && rows.length === S * R) {
    const matrix = Array.from({ length: S }, () => new Array<number>(R).fill(0));
    for (const r of rows) {
      (matrix[subjectLocal[data.subject[r] as number] as number] as number[])[
        raterLocal[data.rater[r] as number] as number
      ] = data.score[r] as number;
    }
    iccResult = icc(matrix);
  }

  const countRows: number[][] = [];
  let pairs = 0;
  let exact = 0;
  let adjacent = 0;
  for (let s = 0; s < S; s++) {
    const row = Array.from(counts.subarray(s * V, (s + 1) * V));
    countRows.push(row);
    let m = 0;
    for (let c = 0; c < V; c++) {
      const nc = row[c] as number;
      m += nc;
      exact += (nc * (nc - 1)) / 2;
      if (c + 1 < V) adjacent += nc * (row[c + 1] as number);
    }
    pairs += (m * (m - 1)) / 2;
  }

  return {
    dimension: data.dimensions[d] as string,
    raters: R,
    subjects: S,
    ratings: rows.length,
    alpha: {
      nominal: alphaFromCoincidences(co, values, "nominal"),
      ordinal: alphaFromCoincidences(co, values, "ordinal"),
      interval: alphaFromCoincidences(co, values, "interval"),
    },
    icc: iccResult,
    fleissKappa: fleissKappa(countRows),
    exactAgreement: pairs > 0 ? exact / pairs : null,
    adjacentAgreement: pairs > 0 ? (exact + adjacent) / pairs : null,
  };
}

/** Mean offset from the median of the other raters, per rater (undefined entry = no counterpart). */
function meanOffsets(data: IndexedRatings): (number | undefined)[] {
  // Ratings grouped into (subject, dimension) cells.
  const D = data.dimensions.length;
  const key = new Float64Array(data.count);
  for (let r = 0; r < data.count; r++)
    key[r] = (data.subject[r] as number) * D + (data.dimension[r] as number);
  const order = Int32Array.from({ length: data.count }, (_, r) => r).sort(
    (a, b) => (key[a] as number) - (key[b] as number),
  );

  const sum = new Float64Array(data.raters.length);
  const n = new Int32Array(data.raters.length);
  const cell: number[] = [];
  for (let from = 0, to = 0; from < data.count; from = to) {
    const k = key[order[from] as number] as number;
    to = from + 1;
    while (to < data.count && key[order[to] as number] === k) to++;
    const L = to - from;
    if (L < 2) continue;
    cell.length = 0;
    for (let i = from; i < to; i++) cell.push(order[i] as number);
    cell.sort((a, b) => (data.score[a] as number) - (data.score[b] as number));
    // Median of the sorted scores with position p removed.
    const at = (i: number, p: number) => data.score[cell[i < p ? i : i + 1] as number] as number;
    const others = L - 1;
    for (let p = 0; p < L; p++) {
      const median =
        others % 2 === 1 ? at((others - 1) / 2, p) : (at(others / 2 - 1, p) + at(others / 2, p)) / 2;
      const r = cell[p] as number;
      const j = data.rater[r] as number;
      sum[j] = (sum[j] as number) + (data.score[r] as number) - median;
      n[j] = (n[j] as number) + 1;
    }
  }
  return Array.from(sum, (s, j) => ((n[j] as number) > 0 ? s / (n[j] as number) : undefined));
}
