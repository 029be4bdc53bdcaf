/** The rating scale: category weights under the current Rasch–Andrich thresholds. */

import { EXP_SAFE } from "./facets.js";

/** Category weights of the rating scale under the current thresholds. */
export class ScaleModel {
  readonly m: number;
  /** Cumulative thresholds T_k = Σ_{h ≤ k} F_h, T_0 = 0. */
  private readonly cum: Float64Array;
  /** exp(−T_k); g[0] = 1. */
  readonly g: Float64Array;
  /** Scratch weights and P(X ≥ k) for callers. */
  readonly w: Float64Array;
  readonly S: Float64Array;
  /** Largest |T_k|. */
  spread = 0;

  constructor(m: number) {
    this.m = m;
    this.cum = new Float64Array(m + 1);
    this.g = new Float64Array(m + 1);
    this.w = new Float64Array(m + 1);
    this.S = new Float64Array(m + 1);
  }

  setThresholds(tau: Float64Array): void {
    let t = 0;
    let largest = 0;
    for (let k = 1; k <= this.m; k++) {
      t += tau[k] as number;
      this.cum[k] = t;
      largest = Math.max(largest, Math.abs(t));
    }
    for (let k = 0; k <= this.m; k++) this.g[k] = Math.exp(-(this.cum[k] as number));
    this.spread = largest;
  }

  /** Weights t^k·exp(−T_k) for t = exp(θ); the caller guarantees they stay finite. */
  weightsExp(t: number, w: Float64Array): number {
    const { m, g } = this;
    let z = 0;
    let p = 1;
    for (let k = 0; k <= m; k++) {
      const v = p * (g[k] as number);
      w[k] = v;
      z += v;
      p *= t;
    }
    return z;
  }

  /** Weights exp(kθ − T_k − max), safe for any θ. */
  weightsLog(theta: number, w: Float64Array): number {
    const { m, cum } = this;
    let mx = Number.NEGATIVE_INFINITY;
    for (let k = 0; k <= m; k++) {
      const a = k * theta - (cum[k] as number);
      w[k] = a;
      if (a > mx) mx = a;
    }
    let z = 0;
    for (let k = 0; k <= m; k++) {
      const v = Math.exp((w[k] as number) - mx);
      w[k] = v;
      z += v;
    }
    return z;
  }

  /** Expected category and its variance at θ. */
  moments(theta: number): { e: number; v: number } {
    const w = this.w;
    const z =
      Math.abs(theta) * this.m <= EXP_SAFE && this.spread <= EXP_SAFE
        ? this.weightsExp(Math.exp(theta), w)
        : this.weightsLog(theta, w);
    let e = 0;
    let q = 0;
    for (let k = 1; k <= this.m; k++) {
      const wk = w[k] as number;
      e += k * wk;
      q += k * k * wk;
    }
    e /= z;
    q /= z;
    const v = q - e * e;
    return { e, v: Math.max(0, v) };
  }
}
