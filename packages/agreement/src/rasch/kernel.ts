/** The passes over the ratings that dominate the cost of a fit. */

import { EXP_SAFE, FACETS, type PerFacet } from "./facets.js";
import type { ScaleModel } from "./scale-model.js";

/** The active ratings as flat arrays. */
export interface ActiveRatings {
  n: number;
  s: Int32Array;
  r: Int32Array;
  d: Int32Array;
  x: Int32Array;
}

/**
 * The passes over the active ratings, written as flat loops over typed arrays:
 * the cost of the whole analysis is here. While the measures are moderate,
 * exp(θ) of a rating is the product exp(B)·exp(−C)·exp(−D) of per-element
 * values computed once per pass, so a rating costs no exponential at all.
 */
export class Kernel {
  private readonly eB: Float64Array;
  private readonly eC: Float64Array;
  private readonly eD: Float64Array;
  private fast = false;
  /** Σ P(X ≥ k), k = 1..m, from the last item pass. */
  readonly atLeast: Float64Array;
  /** Upper triangle of the threshold information matrix from the last item pass. */
  readonly info: Float64Array;

  constructor(
    private readonly act: ActiveRatings,
    private readonly model: ScaleModel,
    private readonly B: Float64Array,
    private readonly C: Float64Array,
    private readonly D: Float64Array,
  ) {
    this.eB = new Float64Array(B.length);
    this.eC = new Float64Array(C.length);
    this.eD = new Float64Array(D.length);
    this.atLeast = new Float64Array(model.m + 1);
    this.info = new Float64Array(model.m * model.m);
  }

  prepare(tau: Float64Array): void {
    this.model.setThresholds(tau);
    const largest = expInto(this.B, 1, this.eB) + expInto(this.C, -1, this.eC) + expInto(this.D, -1, this.eD);
    this.fast = this.model.spread <= EXP_SAFE && largest * this.model.m <= EXP_SAFE;
  }

  /** Unnormalised category weights of active rating a into w[0..m]; returns their sum. */
  private weights(a: number, w: Float64Array): number {
    const { act, model } = this;
    const s = act.s[a] as number;
    const j = act.r[a] as number;
    const i = act.d[a] as number;
    if (this.fast)
      return model.weightsExp((this.eB[s] as number) * (this.eC[j] as number) * (this.eD[i] as number), w);
    return model.weightsLog((this.B[s] as number) - (this.C[j] as number) - (this.D[i] as number), w);
  }

  /** Σ E and Σ V over the ratings of each element of one facet (own = its element per rating). */
  facetPass(own: Int32Array, expected: Float64Array, variance: Float64Array): void {
    expected.fill(0);
    variance.fill(0);
    const { act, model, eB, eC, eD } = this;
    const { s, r, d } = act;
    const w = model.w;
    const g = model.g;
    const m = model.m;
    const fast = this.fast;
    for (let a = 0; a < act.n; a++) {
      let z = 1;
      let e = 0;
      let q = 0;
      if (fast) {
        // The hot loop of the whole analysis: no exponential, no stores.
        const t =
          (eB[s[a] as number] as number) * (eC[r[a] as number] as number) * (eD[d[a] as number] as number);
        let p = 1;
        for (let k = 1; k <= m; k++) {
          p *= t;
          const wk = p * (g[k] as number);
          z += wk;
          e += k * wk;
          q += k * k * wk;
        }
      } else {
        z = this.weights(a, w);
        for (let k = 1; k <= m; k++) {
          const wk = w[k] as number;
          e += k * wk;
          q += k * k * wk;
        }
      }
      e /= z;
      q /= z;
      const n = own[a] as number;
      expected[n] = (expected[n] as number) + e;
      variance[n] = (variance[n] as number) + (q - e * e);
    }
  }

  /** Σ E and Σ V per dimension, and the threshold gradient and information. */
  dimensionPass(expD: Float64Array, varD: Float64Array): void {
    expD.fill(0);
    varD.fill(0);
    const { act, model, atLeast, info, eB, eC, eD } = this;
    const { s, r, d } = act;
    atLeast.fill(0);
    info.fill(0); // Σ P(X ≥ k)·P(X ≥ h) for h ≥ k, turned into the information below
    const w = model.w;
    const g = model.g;
    const S = model.S;
    const m = model.m;
    const fast = this.fast;
    for (let a = 0; a < act.n; a++) {
      let z: number;
      if (fast) {
        const t =
          (eB[s[a] as number] as number) * (eC[r[a] as number] as number) * (eD[d[a] as number] as number);
        let p = 1;
        z = 1;
        for (let k = 1; k <= m; k++) {
          p *= t;
          const wk = p * (g[k] as number);
          w[k] = wk;
          z += wk;
        }
      } else {
        z = this.weights(a, w);
      }
      const inv = 1 / z;
      // S_k = P(X ≥ k); E = Σ S_k; E[X²] = Σ (2k − 1)·S_k.
      let acc = 0;
      let e = 0;
      let q = 0;
      for (let k = m; k >= 1; k--) {
        acc += w[k] as number;
        const sk = acc * inv;
        S[k] = sk;
        e += sk;
        q += (2 * k - 1) * sk;
      }
      const i = d[a] as number;
      expD[i] = (expD[i] as number) + e;
      varD[i] = (varD[i] as number) + (q - e * e);
      for (let k = 1; k <= m; k++) {
        const sk = S[k] as number;
        atLeast[k] = (atLeast[k] as number) + sk;
        const row = (k - 1) * m - 1;
        for (let h = k; h <= m; h++) info[row + h] = (info[row + h] as number) + sk * (S[h] as number);
      }
    }
    // Cov(1[X ≥ k], 1[X ≥ h]) = P(X ≥ h) − P(X ≥ k)·P(X ≥ h) for h ≥ k, summed.
    for (let k = 1; k <= m; k++) {
      const row = (k - 1) * m - 1;
      for (let h = k; h <= m; h++) info[row + h] = (atLeast[h] as number) - (info[row + h] as number);
    }
  }

  fitPass(sumV: PerFacet<Float64Array>, sumY2: PerFacet<Float64Array>, sumZ2: PerFacet<Float64Array>): void {
    const { act, model } = this;
    const w = model.w;
    const m = model.m;
    const elems: PerFacet<Int32Array> = [act.s, act.r, act.d];
    for (let a = 0; a < act.n; a++) {
      const z = this.weights(a, w);
      let e = 0;
      let q = 0;
      for (let k = 1; k <= m; k++) {
        const wk = w[k] as number;
        e += k * wk;
        q += k * k * wk;
      }
      e /= z;
      q /= z;
      const v = q - e * e;
      const res = (act.x[a] as number) - e;
      const y2 = res * res;
      const z2 = v > 0 ? y2 / v : Number.POSITIVE_INFINITY;
      for (const f of FACETS) {
        const el = elems[f][a] as number;
        sumV[f][el] = (sumV[f][el] as number) + v;
        sumY2[f][el] = (sumY2[f][el] as number) + y2;
        sumZ2[f][el] = (sumZ2[f][el] as number) + z2;
      }
    }
  }
}

/** out[e] = exp(sign·meas[e]) for the elements with a measure; returns the largest |meas|. */
export function expInto(meas: Float64Array, sign: number, out: Float64Array): number {
  let largest = 0;
  for (let e = 0; e < meas.length; e++) {
    const v = meas[e] as number;
    if (Number.isNaN(v)) continue;
    out[e] = Math.exp(sign * v);
    const a = Math.abs(v);
    if (a > largest) largest = a;
  }
  return largest;
}
