/**
 * Shared test helpers: a seeded PRNG, a rating-scale model simulator, rank
 * correlation, an object walker, a tiny calibration exercise.
 */

import type { Rating } from "../src/index.js";

/** mulberry32: a small, fast, seeded 32-bit PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal deviates by Box–Muller. */
export function normal(random: () => number): () => number {
  return () => {
    const u = 1 - random();
    const v = random();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
}

export interface SimulationSpec {
  seed: number;
  /** Subject abilities B_n. */
  abilities: number[];
  /** Rater severities C_j (positive = harsher). */
  severities: number[];
  /** Dimension difficulties D_i. */
  difficulties: number[];
  /** Thresholds F_1..F_m; scores are min..min+m. */
  thresholds: number[];
  min: number;
  /** Probability that a rater scores a given answer at all (1 = complete design). */
  coverage?: number;
}

/** Draws one score per (subject, rater, dimension) from log(P_k / P_k−1) = B − C − D − F_k. */
export function simulateRatings(spec: SimulationSpec): Rating[] {
  const random = mulberry32(spec.seed);
  const m = spec.thresholds.length;
  const p = new Array<number>(m + 1).fill(0);
  const ratings: Rating[] = [];
  spec.abilities.forEach((b, n) => {
    spec.severities.forEach((c, j) => {
      if (spec.coverage !== undefined && random() >= spec.coverage) return;
      spec.difficulties.forEach((d, i) => {
        const theta = b - c - d;
        let logit = 0;
        let z = 0;
        for (let k = 0; k <= m; k++) {
          if (k > 0) logit += theta - (spec.thresholds[k - 1] as number);
          p[k] = Math.exp(logit);
          z += p[k] as number;
        }
        let u = random() * z;
        let k = 0;
        while (k < m && u >= (p[k] as number)) {
          u -= p[k] as number;
          k++;
        }
        ratings.push({ rater: `r${j}`, subject: `a${n}`, dimension: `d${i}`, score: spec.min + k });
      });
    });
  });
  return ratings;
}

/** Spearman rank correlation (average ranks for ties). */
export function spearman(a: readonly number[], b: readonly number[]): number {
  const ra = ranks(a);
  const rb = ranks(b);
  const n = a.length;
  const ma = ra.reduce((s, v) => s + v, 0) / n;
  const mb = rb.reduce((s, v) => s + v, 0) / n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    const da = (ra[i] as number) - ma;
    const db = (rb[i] as number) - mb;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  return sab / Math.sqrt(saa * sbb);
}

function ranks(values: readonly number[]): number[] {
  const order = values.map((v, i) => [v, i] as const).sort((x, y) => x[0] - y[0]);
  const out = new Array<number>(values.length).fill(0);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (
      j + 1 < order.length &&
      (order[j + 1] as readonly [number, number])[0] === (order[i] as readonly [number, number])[0]
    )
      j++;
    for (let k = i; k <= j; k++) out[(order[k] as readonly [number, number])[1]] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return out;
}

/** Paths of every number in a value that is NaN or infinite. */
export function nonFinitePaths(value: unknown, path = "$"): string[] {
  if (typeof value === "number") return Number.isFinite(value) ? [] : [path];
  if (value instanceof Map)
    return [...value].flatMap(([k, v]) => nonFinitePaths(v, `${path}.get(${String(k)})`));
  if (Array.isArray(value)) return value.flatMap((v, i) => nonFinitePaths(v, `${path}[${i}]`));
  if (value !== null && typeof value === "object") {
    return Object.entries(value).flatMap(([k, v]) => nonFinitePaths(v, `${path}.${k}`));
  }
  return [];
}

/** Builds ratings from a subjects × raters matrix (null = not rated) on one dimension. */
export function matrixRatings(matrix: readonly (readonly (number | null)[])[], dimension = "d"): Rating[] {
  const out: Rating[] = [];
  matrix.forEach((row, s) => {
    row.forEach((score, j) => {
      if (score !== null) out.push({ rater: `r${j + 1}`, subject: `s${s + 1}`, dimension, score });
    });
  });
  return out;
}

/**
 * A real-sized calibration exercise on a 1–4 scale: 3 interviewers × 2 answers ×
 * 4 dimensions. ana gives 2 to every dimension of a1 and 4 to a2; ben 2 and 3;
 * chi 1 to a1, and to a2 1 on d1 and 2 on d2–d4. Chi is plainly the harshest,
 * ana the most lenient, yet the pattern is so regular that the joint maximum
 * likelihood estimates diverge.
 */
export function tinyPanel(): Rating[] {
  const out: Rating[] = [];
  for (const dimension of ["d1", "d2", "d3", "d4"]) {
    out.push(
      { rater: "ana", subject: "a1", dimension, score: 2 },
      { rater: "ana", subject: "a2", dimension, score: 4 },
      { rater: "ben", subject: "a1", dimension, score: 2 },
      { rater: "ben", subject: "a2", dimension, score: 3 },
      { rater: "chi", subject: "a1", dimension, score: 1 },
      { rater: "chi", subject: "a2", dimension, score: dimension === "d1" ? 1 : 2 },
    );
  }
  return out;
}

/**
 * Fleiss (1971): 30 patients, 6 psychiatrists each, 5 diagnoses — the irr
 * package's `diagnoses` data, as also used by statsmodels' tests.
 */
export const FLEISS_1971_DIAGNOSES: readonly (readonly number[])[] = [
  [4, 4, 4, 4, 4, 4],
  [2, 2, 2, 5, 5, 5],
  [2, 3, 3, 3, 3, 5],
  [5, 5, 5, 5, 5, 5],
  [2, 2, 2, 4, 4, 4],
  [1, 1, 3, 3, 3, 3],
  [3, 3, 3, 3, 5, 5],
  [1, 1, 3, 3, 3, 4],
  [1, 1, 4, 4, 4, 4],
  [5, 5, 5, 5, 5, 5],
  [1, 4, 4, 4, 4, 4],
  [1, 2, 4, 4, 4, 4],
  [2, 2, 2, 3, 3, 3],
  [1, 4, 4, 4, 4, 4],
  [2, 2, 4, 4, 4, 5],
  [3, 3, 3, 3, 3, 5],
  [1, 1, 1, 4, 5, 5],
  [1, 1, 1, 1, 1, 2],
  [2, 2, 4, 4, 4, 4],
  [1, 3, 3, 5, 5, 5],
  [5, 5, 5, 5, 5, 5],
  [2, 4, 4, 4, 4, 4],
  [2, 2, 4, 5, 5, 5],
  [1, 1, 4, 4, 4, 4],
  [1, 4, 4, 4, 4, 5],
  [2, 2, 2, 2, 2, 4],
  [1, 1, 1, 1, 5, 5],
  [2, 2, 4, 4, 4, 4],
  [1, 3, 3, 3, 3, 3],
  [5, 5, 5, 5, 5, 5],
];
