/** Extreme scores and the category coding: what the joint estimation sets aside, and how it codes the rest. */

import type { IndexedRatings } from "../data.js";
import { FACETS, type PerFacet, perFacet } from "./facets.js";

export interface Screen {
  categories: number[];
  /** Category index (0..m) of every rating. */
  x: Int32Array;
  /** 1 for ratings used in the joint estimation. */
  active: Uint8Array;
  activeRatings: number;
  /** −1 extreme minimum, +1 extreme maximum, 0 neither. */
  extreme: PerFacet<Int8Array>;
  activeCount: PerFacet<Int32Array>;
  /** Sum of the categories of each element's active ratings. */
  activeSum: PerFacet<Float64Array>;
}

/**
 * Repeatedly: codes the scores of the active ratings as 0..m over the distinct
 * scores among them (unused scores collapse), marks the elements whose active
 * ratings are all 0 or all m as extreme, and sets their ratings aside — until
 * nothing changes. Setting aside one extreme element can make another extreme
 * (a rater who only rated all-top answers, say), hence the loop.
 */
export function screenExtremes(
  data: IndexedRatings,
  elem: PerFacet<Int32Array>,
  sizes: PerFacet<number>,
): Screen {
  const N = data.count;
  const active = new Uint8Array(N).fill(1);
  const extreme = perFacet((f) => new Int8Array(sizes[f]));
  const activeCount = perFacet((f) => new Int32Array(sizes[f]));
  const activeSum = perFacet((f) => new Float64Array(sizes[f]));
  const x = new Int32Array(N);
  let categories: number[] = [];
  for (;;) {
    const distinct = new Set<number>();
    for (let r = 0; r < N; r++) if (active[r]) distinct.add(data.score[r] as number);
    categories = [...distinct].sort((a, b) => a - b);
    if (categories.length < 2) break;
    codeScores(data.score, categories, x);
    const m = categories.length - 1;
    for (const f of FACETS) {
      activeCount[f].fill(0);
      activeSum[f].fill(0);
    }
    for (let r = 0; r < N; r++) {
      if (!active[r]) continue;
      for (const f of FACETS) {
        const e = elem[f][r] as number;
        activeCount[f][e] = (activeCount[f][e] as number) + 1;
        activeSum[f][e] = (activeSum[f][e] as number) + (x[r] as number);
      }
    }
    let changed = false;
    for (const f of FACETS) {
      for (let e = 0; e < sizes[f]; e++) {
        const c = activeCount[f][e] as number;
        if (extreme[f][e] !== 0 || c === 0) continue;
        const s = activeSum[f][e] as number;
        if (s === 0) extreme[f][e] = -1;
        else if (s === m * c) extreme[f][e] = 1;
        else continue;
        changed = true;
      }
    }
    if (!changed) break;
    for (let r = 0; r < N; r++) {
      if (active[r] && FACETS.some((f) => extreme[f][elem[f][r] as number] !== 0)) active[r] = 0;
    }
  }
  let activeRatings = 0;
  for (let r = 0; r < N; r++) activeRatings += active[r] as number;
  return { categories, x, active, activeRatings, extreme, activeCount, activeSum };
}

/** Codes each score as the index of the largest category ≤ it (0 below the lowest). */
export function codeScores(score: Int32Array, categories: readonly number[], out: Int32Array): void {
  const lookup = new Map<number, number>();
  categories.forEach((c, k) => {
    lookup.set(c, k);
  });
  for (let r = 0; r < score.length; r++) {
    const s = score[r] as number;
    let k = lookup.get(s);
    if (k === undefined) {
      k = 0;
      for (let c = 0; c < categories.length; c++) if ((categories[c] as number) <= s) k = c;
    }
    out[r] = k;
  }
}
