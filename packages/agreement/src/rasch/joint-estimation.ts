/** Joint maximum likelihood over the ratings left once extreme elements are set aside. */

import type { Screen } from "./extremes.js";
import { DIMENSION, DIVERGED, FACETS, type PerFacet, perFacet, RATER, SIGN, SUBJECT } from "./facets.js";
import { type ActiveRatings, Kernel } from "./kernel.js";
import { clamp, coreMean, solveSymmetric } from "./numerics.js";
import type { ScaleModel } from "./scale-model.js";

/**
 * Joint maximum likelihood over the active ratings, by block Newton steps: each
 * sweep makes one pass over the ratings per facet and updates all its elements
 * (given the other facets they are independent, so the block's Hessian is
 * diagonal) — subjects, then raters, then dimensions together with the
 * thresholds (a full m × m Newton step). Steps are capped at MAX_STEP logits;
 * after each pass raters and dimensions are centred to mean 0 and thresholds to
 * sum 0, the shift absorbed by the subjects. Facets that can be confounded
 * (subjects and thresholds; raters and dimensions when each rater scores one
 * dimension) are never updated from the same pass: that oscillates.
 *
 * With precision > 0 the log-likelihood is penalised by the Gaussian log-prior
 * −precision/2 · (Σ (B_n − B̄)² + Σ C_j² + Σ D_i²), thresholds unpenalised. The
 * anchoring agrees with it: shifting C by c (and B by c) leaves the likelihood
 * and the subjects' penalty unchanged and minimises Σ C_j² at mean C = 0, so
 * centring only moves towards the penalised maximum, which is therefore
 * centred as the anchoring requires (likewise D; shifting thresholds and
 * subjects together changes nothing at all). The penalised objective is
 * strictly concave and goes to −∞ in every direction the anchoring leaves free,
 * so its maximum exists, is unique and finite for any data.
 */
export function jointEstimate(
  screen: Screen,
  elem: PerFacet<Int32Array>,
  sizes: PerFacet<number>,
  m: number,
  measures: PerFacet<Float64Array>,
  tau: Float64Array,
  model: ScaleModel,
  maxIterations: number,
  tolerance: number,
  precision: number,
):
  | { iterations: number; converged: false }
  | {
      iterations: number;
      converged: true;
      se: PerFacet<Float64Array>;
      infit: PerFacet<Float64Array>;
      outfit: PerFacet<Float64Array>;
    } {
  const { activeCount, activeSum } = screen;
  const n = screen.activeRatings;
  const act: ActiveRatings = {
    n,
    s: new Int32Array(n),
    r: new Int32Array(n),
    d: new Int32Array(n),
    x: new Int32Array(n),
  };
  const catCount = new Float64Array(m + 1);
  for (let r = 0, a = 0; r < screen.x.length; r++) {
    if (!screen.active[r]) continue;
    act.s[a] = elem[SUBJECT][r] as number;
    act.r[a] = elem[RATER][r] as number;
    act.d[a] = elem[DIMENSION][r] as number;
    const c = screen.x[r] as number;
    act.x[a] = c;
    catCount[c] = (catCount[c] as number) + 1;
    a++;
  }
  const core = perFacet((f) => Uint8Array.from(activeCount[f], (c) => (c > 0 ? 1 : 0)));
  const [B, C, D] = measures;

  // Starting values: 0, subjects from their mean category, thresholds from the
  // log-ratios of adjacent category frequencies.
  for (const f of FACETS) for (let e = 0; e < sizes[f]; e++) if (core[f][e]) measures[f][e] = 0;
  for (let e = 0; e < B.length; e++) {
    if (!core[SUBJECT][e]) continue;
    const s = activeSum[SUBJECT][e] as number;
    B[e] = Math.log((s + 0.5) / (m * (activeCount[SUBJECT][e] as number) - s + 0.5));
  }
  for (let k = 1; k <= m; k++) tau[k] = Math.log((catCount[k - 1] as number) / (catCount[k] as number));
  // Observed number of responses at or above each category.
  const observedAtLeast = new Float64Array(m + 1);
  for (let k = m, acc = 0; k >= 1; k--) {
    acc += catCount[k] as number;
    observedAtLeast[k] = acc;
  }
  centre(measures, core, tau, m);

  const kernel = new Kernel(act, model, B, C, D);
  const expected = perFacet((f) => new Float64Array(sizes[f]));
  const variance = perFacet((f) => new Float64Array(sizes[f]));
  const step = new Float64Array(m);
  let iterations = 0;
  let converged = false;

  const newtonFacet = (f: 0 | 1 | 2): number => {
    let largest = 0;
    const meas = measures[f];
    if (precision > 0) {
      // Penalised: the log-prior −precision·(β − μ)²/2 adds −precision·(β − μ) to
      // the gradient and precision to the information. μ = 0 for raters and
      // dimensions; for subjects their current mean, which is invariant under
      // the anchoring shifts (see penalised estimation in the README).
      const mu = f === SUBJECT ? coreMean(meas, core[f]) : 0;
      for (let e = 0; e < meas.length; e++) {
        if (!core[f][e]) continue;
        const beta = meas[e] as number;
        const gradient =
          SIGN[f] * ((activeSum[f][e] as number) - (expected[f][e] as number)) - precision * (beta - mu);
        const d = clamp(gradient / ((variance[f][e] as number) + precision));
        meas[e] = beta + d;
        largest = Math.max(largest, Math.abs(d));
      }
      return largest;
    }
    for (let e = 0; e < meas.length; e++) {
      const v = variance[f][e] as number;
      if (!core[f][e] || !(v > 0)) continue;
      const d = clamp((SIGN[f] * ((activeSum[f][e] as number) - (expected[f][e] as number))) / v);
      meas[e] = (meas[e] as number) + d;
      largest = Math.max(largest, Math.abs(d));
    }
    return largest;
  };

  while (iterations < maxIterations) {
    iterations++;
    kernel.prepare(tau);
    kernel.facetPass(act.s, expected[SUBJECT], variance[SUBJECT]);
    let change = newtonFacet(SUBJECT);
    centre(measures, core, tau, m);

    kernel.prepare(tau);
    kernel.facetPass(act.r, expected[RATER], variance[RATER]);
    change = Math.max(change, newtonFacet(RATER));
    centre(measures, core, tau, m);

    kernel.prepare(tau);
    kernel.dimensionPass(expected[DIMENSION], variance[DIMENSION]);
    change = Math.max(change, newtonFacet(DIMENSION));
    // Thresholds: gradient Σ P(X ≥ k) − observed(X ≥ k), information
    // Σ Cov(1[X ≥ k], 1[X ≥ h]) = Σ P(X ≥ max(k, h)) − P(X ≥ k)·P(X ≥ h).
    const { atLeast, info } = kernel;
    for (let k = 0; k < m; k++) {
      step[k] = (atLeast[k + 1] as number) - (observedAtLeast[k + 1] as number);
      for (let h = 0; h < k; h++) info[k * m + h] = info[h * m + k] as number;
    }
    if (solveSymmetric(info, step, m)) {
      for (let k = 1; k <= m; k++) {
        const d = clamp(step[k - 1] as number);
        tau[k] = (tau[k] as number) + d;
        change = Math.max(change, Math.abs(d));
      }
    }
    centre(measures, core, tau, m);
    if (largestMagnitude(measures, tau) > DIVERGED) break;
    if (change < tolerance) {
      converged = true;
      break;
    }
  }
  if (!converged) return { iterations, converged: false };

  // Standard errors and fit over the active ratings.
  const sumV = perFacet((f) => new Float64Array(sizes[f]));
  const sumY2 = perFacet((f) => new Float64Array(sizes[f]));
  const sumZ2 = perFacet((f) => new Float64Array(sizes[f]));
  kernel.prepare(tau);
  kernel.fitPass(sumV, sumY2, sumZ2);
  const se = perFacet((f) => new Float64Array(sizes[f]).fill(Number.NaN));
  const infit = perFacet((f) => new Float64Array(sizes[f]).fill(Number.NaN));
  const outfit = perFacet((f) => new Float64Array(sizes[f]).fill(Number.NaN));
  for (const f of FACETS) {
    for (let e = 0; e < sizes[f]; e++) {
      if (!core[f][e]) continue;
      const v = sumV[f][e] as number;
      // Penalised: from the penalised information (the model variances plus the
      // prior precision), ignoring the covariances between elements.
      se[f][e] = 1 / Math.sqrt(v + precision);
      infit[f][e] = (sumY2[f][e] as number) / v;
      outfit[f][e] = (sumZ2[f][e] as number) / (activeCount[f][e] as number);
    }
  }
  return { iterations, converged, se, infit, outfit };
}

export function largestMagnitude(measures: PerFacet<Float64Array>, tau: Float64Array): number {
  let largest = 0;
  for (const meas of [...measures, tau]) {
    for (const v of meas) if (Math.abs(v) > largest) largest = Math.abs(v); // NaN compares false
  }
  return largest;
}

/**
 * Anchors: rater severities and dimension difficulties to mean 0 over the jointly
 * estimated elements, thresholds to sum 0; each shift is absorbed by the subjects
 * so that B − C − D − F_k is unchanged.
 */
export function centre(
  measures: PerFacet<Float64Array>,
  core: PerFacet<Uint8Array>,
  tau: Float64Array,
  m: number,
): void {
  let shift = 0;
  for (const f of [RATER, DIMENSION] as const) {
    const meas = measures[f];
    let s = 0;
    let n = 0;
    for (let e = 0; e < meas.length; e++) {
      if (!core[f][e]) continue;
      s += meas[e] as number;
      n++;
    }
    if (n === 0) continue;
    const mean = s / n;
    for (let e = 0; e < meas.length; e++) if (core[f][e]) meas[e] = (meas[e] as number) - mean;
    shift += mean;
  }
  let t = 0;
  for (let k = 1; k <= m; k++) t += tau[k] as number;
  t /= m;
  for (let k = 1; k <= m; k++) tau[k] = (tau[k] as number) - t;
  shift += t;
  const B = measures[SUBJECT];
  for (let e = 0; e < B.length; e++) if (core[SUBJECT][e]) B[e] = (B[e] as number) - shift;
}
