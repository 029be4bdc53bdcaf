/** Elements left out of the joint estimation, estimated one at a time against the others. */

import { groupRows } from "../data.js";
import { FACETS, type PerFacet, perFacet, SIGN } from "./facets.js";
import { clamp } from "./numerics.js";
import type { ScaleModel } from "./scale-model.js";

/**
 * Extreme elements, and elements all of whose ratings involve an extreme one, are
 * estimated one at a time with every other measure held fixed, from their raw
 * score on the ratings whose other two elements have measures; an extreme raw
 * score is pulled in by `adjustment` score points. Stage 1 uses ratings whose
 * partners were estimated jointly; stage 2 whatever remains, against those.
 * Fit is reported only for the non-extreme ones.
 */
export function estimateLeftOut(
  elem: PerFacet<Int32Array>,
  sizes: PerFacet<number>,
  x: Int32Array,
  m: number,
  measures: PerFacet<Float64Array>,
  se: PerFacet<Float64Array>,
  infit: PerFacet<Float64Array>,
  outfit: PerFacet<Float64Array>,
  model: ScaleModel,
  adjustment: number,
): void {
  const byElement = perFacet((f) => groupRows(elem[f], sizes[f]));
  for (let stage = 0; stage < 2; stage++) {
    const fixed = perFacet((f) => Uint8Array.from(measures[f], (v) => (Number.isNaN(v) ? 0 : 1)));
    const pending: [0 | 1 | 2, number, number][] = [];
    for (const f of FACETS) {
      for (let e = 0; e < sizes[f]; e++) {
        if (fixed[f][e]) continue;
        const rows = Array.from(byElement[f][e] as Int32Array).filter((r) =>
          FACETS.every((g) => g === f || fixed[g][elem[g][r] as number] === 1),
        );
        if (rows.length === 0) continue;
        const offsets = rows.map((r) => {
          let off = 0;
          for (const g of FACETS) if (g !== f) off += SIGN[g] * (measures[g][elem[g][r] as number] as number);
          return off;
        });
        const cats = rows.map((r) => x[r] as number);
        const raw = cats.reduce((a, b) => a + b, 0);
        const top = m * rows.length;
        const target = raw === 0 ? adjustment : raw === top ? top - adjustment : raw;
        const fit = solveElement(model, SIGN[f], offsets, cats, target);
        if (fit === null) continue;
        pending.push([f, e, fit.measure]);
        se[f][e] = fit.se;
        if (raw !== 0 && raw !== top) {
          infit[f][e] = fit.infit;
          outfit[f][e] = fit.outfit;
        }
      }
    }
    for (const [f, e, v] of pending) measures[f][e] = v;
  }
}

/**
 * The measure β of one element with every other parameter fixed: solves
 * Σ E(sign·β + offset_i) = target by capped Newton steps (the expected score
 * is monotone in β, so this converges from any start).
 */
export function solveElement(
  model: ScaleModel,
  sign: number,
  offsets: readonly number[],
  cats: readonly number[],
  target: number,
): { measure: number; se: number; infit: number; outfit: number } | null {
  let beta = 0;
  for (let iter = 0; iter < 200; iter++) {
    let e = 0;
    let v = 0;
    for (const off of offsets) {
      const mo = model.moments(sign * beta + off);
      e += mo.e;
      v += mo.v;
    }
    if (!(v > 0)) return null;
    const d = clamp((sign * (target - e)) / v);
    beta += d;
    if (Math.abs(d) < 1e-10) break;
  }
  let v = 0;
  let y2 = 0;
  let z2 = 0;
  offsets.forEach((off, i) => {
    const mo = model.moments(sign * beta + off);
    const res = (cats[i] as number) - mo.e;
    v += mo.v;
    y2 += res * res;
    z2 += (res * res) / mo.v;
  });
  return { measure: beta, se: 1 / Math.sqrt(v), infit: y2 / v, outfit: z2 / offsets.length };
}
