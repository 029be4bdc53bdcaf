/** Small numeric helpers of the fit. */

import { MAX_STEP } from "./facets.js";

export function clamp(d: number): number {
  return Math.min(MAX_STEP, Math.max(-MAX_STEP, d));
}

export function finiteOrNull(v: number): number | null {
  return Number.isFinite(v) ? v : null;
}

/** Mean of the jointly estimated elements' measures. */
export function coreMean(values: Float64Array, core: Uint8Array): number {
  let s = 0;
  let n = 0;
  for (let e = 0; e < values.length; e++) {
    if (!core[e]) continue;
    s += values[e] as number;
    n++;
  }
  return n === 0 ? 0 : s / n;
}

export function nanMean(values: Float64Array): number {
  let s = 0;
  let n = 0;
  for (const v of values) {
    if (Number.isNaN(v)) continue;
    s += v;
    n++;
  }
  return n === 0 ? Number.NaN : s / n;
}

/** Solves A·x = b in place (b becomes x) for a symmetric positive-definite m × m A; false if singular. */
export function solveSymmetric(A: Float64Array, b: Float64Array, m: number): boolean {
  const L = new Float64Array(m * m); // Cholesky factor, A = L·Lᵀ
  for (let i = 0; i < m; i++) {
    for (let j = 0; j <= i; j++) {
      let s = A[i * m + j] as number;
      for (let k = 0; k < j; k++) s -= (L[i * m + k] as number) * (L[j * m + k] as number);
      if (i === j) {
        if (!(s > 1e-12)) return false;
        L[i * m + i] = Math.sqrt(s);
      } else {
        L[i * m + j] = s / (L[j * m + j] as number);
      }
    }
  }
  for (let i = 0; i < m; i++) {
    let s = b[i] as number;
    for (let k = 0; k < i; k++) s -= (L[i * m + k] as number) * (b[k] as number);
    b[i] = s / (L[i * m + i] as number);
  }
  for (let i = m - 1; i >= 0; i--) {
    let s = b[i] as number;
    for (let k = i + 1; k < m; k++) s -= (L[k * m + i] as number) * (b[k] as number);
    b[i] = s / (L[i * m + i] as number);
  }
  return true;
}
