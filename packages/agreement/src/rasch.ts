/**
 * Many-facet Rasch model, rating-scale form (Linacre 1989):
 *
 *   log(P_nijk / P_nij(k−1)) = B_n − C_j − D_i − F_k
 *
 * B_n the ability of subject (answer) n, C_j the severity of rater j, D_i the
 * difficulty of dimension i, and F_k (k = 1..m) the Rasch–Andrich thresholds
 * shared by every rater and dimension. Estimated by joint maximum likelihood,
 * falling back to penalised joint maximum likelihood (a weak Gaussian prior on
 * the measures) when the likelihood has no finite maximum; the package README
 * describes the procedure and its caveats.
 */

import {
  AgreementError,
  groupRows,
  type IndexedRatings,
  indexRatings,
  type Rating,
  type Scale,
} from "./data.js";

export type Extreme = "minimum" | "maximum";

export interface FacetMeasure {
  /**
   * Logits. Subjects: ability (higher = better answer). Raters: severity
   * (higher = harsher, gives lower scores). Dimensions: difficulty (higher =
   * harder to score well on). Null when not estimable — which includes the only
   * rater or the only dimension, which the anchoring alone puts at 0.
   */
  measure: number | null;
  /**
   * Model standard error, 1 / sqrt(Σ model variances); under penalised estimation
   * 1 / sqrt(Σ model variances + 1 / priorSD²), an approximation.
   */
  se: number | null;
  /** Information-weighted mean-square: Σ residual² / Σ variance. Null for extreme elements. */
  infit: number | null;
  /** Unweighted mean-square: mean of squared standardized residuals. Null for extreme elements. */
  outfit: number | null;
  /** Every rating involving this element. */
  ratings: number;
  /**
   * Set when all the element's ratings that remain once other extreme elements are
   * set aside are in the lowest (or highest) category: its measure is then
   * estimated from a raw score pulled in by the extreme-score adjustment.
   */
  extreme: Extreme | null;
}

/**
 * How the reported measures were estimated: `"jmle"` plain joint maximum
 * likelihood; `"penalised"` joint maximum likelihood with a Gaussian prior
 * (ridge penalty) on the subject, rater and dimension measures, used when plain
 * JMLE has no finite solution (data in a deterministic, Guttman-like pattern,
 * typical of small panels) — the estimates are shrunk towards the middle and
 * their standard errors approximate.
 */
export type Estimation = "jmle" | "penalised";

export interface RaschResult {
  subjects: Map<string, FacetMeasure>;
  raters: Map<string, FacetMeasure>;
  dimensions: Map<string, FacetMeasure>;
  /** The scores used as the categories of the rating scale, ascending (unused scores are collapsed). */
  categories: number[];
  /** Thresholds F_1..F_m in logits, summing to 0 (empty when no model could be fitted). */
  thresholds: number[];
  /** Sweeps of the joint estimation (of both runs when the penalised one followed plain JMLE). */
  iterations: number;
  /**
   * Whether the reported joint estimation met the tolerance within maxIterations.
   * Plain JMLE that does not — the likelihood has no finite maximum (data in a
   * deterministic, Guttman-like pattern, which small panels produce), or
   * maxIterations was too small — is followed by penalised estimation (see
   * `estimation`); only when that fails too (or is disabled with `priorSD: null`)
   * is `converged` false, every measure null and thresholds empty.
   */
  converged: boolean;
  /** Which estimation the measures come from; null when none converged (or there was nothing to fit). */
  estimation: Estimation | null;
}

export interface RaschOptions {
  /** Upper bound on sweeps of the joint estimation. Default 500. */
  maxIterations?: number;
  /** Converged when no measure or threshold moves more than this in a sweep (logits). Default 1e-5. */
  tolerance?: number;
  /** Score points by which an extreme raw score is pulled inwards to estimate its measure. Default 0.3. */
  extremeAdjustment?: number;
  /**
   * Standard deviation, in logits, of the Gaussian prior (mean 0; for subjects,
   * their own mean) on the subject, rater and dimension measures of the
   * penalised estimation that takes over when plain JMLE does not converge.
   * Default 2.5. `null` disables the fallback: non-convergent data then get no
   * measures at all.
   */
  priorSD?: number | null;
}

/** Default SD of the penalised estimation's prior (logits); the README explains the choice. */
const DEFAULT_PRIOR_SD = 2.5;

const SUBJECT = 0;
const RATER = 1;
const DIMENSION = 2;
const FACETS = [SUBJECT, RATER, DIMENSION] as const;
/** θ = B − C − D: the sign with which each facet enters. */
const SIGN = [1, -1, -1] as const;
/** Largest Newton step per sweep, in logits. */
const MAX_STEP = 1;
/**
 * A jointly estimated measure or threshold beyond this many logits means the
 * likelihood has no finite maximum (data in a deterministic, Guttman-like
 * pattern, e.g. one rater always exactly one point above another on a few
 * answers): the estimates drift off without bound, so estimation stops early.
 * Real measures, extreme-score adjustments aside, stay within a few logits.
 */
const DIVERGED = 30;
/** exp(θ)-products are used while k·|θ| + |T_k| ≤ 2·EXP_SAFE, far inside the double range. */
const EXP_SAFE = 300;

/** Fits the model to ratings (validated as in analyze: whole scores within the scale, no duplicates). */
export function manyFacetRasch(
  ratings: readonly Rating[],
  scale: Scale,
  options: RaschOptions = {},
): RaschResult {
  return estimateRasch(indexRatings(ratings, scale), options);
}

/** Per-facet arrays, indexed [SUBJECT, RATER, DIMENSION]. */
type PerFacet<T> = [T, T, T];

const perFacet = <T>(make: (f: 0 | 1 | 2) => T): PerFacet<T> => [make(0), make(1), make(2)];

/** Fits the model to already indexed ratings. */
export function estimateRasch(data: IndexedRatings, options: RaschOptions = {}): RaschResult {
  const maxIterations = options.maxIterations ?? 500;
  const tolerance = options.tolerance ?? 1e-5;
  const adjustment = options.extremeAdjustment ?? 0.3;
  const priorSD = options.priorSD === undefined ? DEFAULT_PRIOR_SD : options.priorSD;
  if (priorSD !== null && !(Number.isFinite(priorSD) && priorSD > 0)) {
    throw new AgreementError(`priorSD must be a positive number of logits or null, got ${priorSD}`);
  }
  const elem: PerFacet<Int32Array> = [data.subject, data.rater, data.dimension];
  const ids: PerFacet<string[]> = [data.subjects, data.raters, data.dimensions];
  const sizes = perFacet((f) => ids[f].length);

  const totalCount = perFacet((f) => new Int32Array(sizes[f]));
  for (const f of FACETS) for (const e of elem[f]) totalCount[f][e] = (totalCount[f][e] as number) + 1;

  const screen = screenExtremes(data, elem, sizes);
  const { categories, extreme, x } = screen;
  const m = categories.length - 1;

  const measures = perFacet((f) => new Float64Array(sizes[f]).fill(Number.NaN));
  const se = perFacet((f) => new Float64Array(sizes[f]).fill(Number.NaN));
  const infit = perFacet((f) => new Float64Array(sizes[f]).fill(Number.NaN));
  const outfit = perFacet((f) => new Float64Array(sizes[f]).fill(Number.NaN));
  const tau = new Float64Array(Math.max(1, m + 1));
  let iterations = 0;
  let converged = false;
  let estimation: Estimation | null = null;

  if (m >= 1 && screen.activeRatings > 0) {
    const model = new ScaleModel(m);
    const fit = (precision: number) =>
      jointEstimate(screen, elem, sizes, m, measures, tau, model, maxIterations, tolerance, precision);
    let joint = fit(0);
    iterations = joint.iterations;
    estimation = "jmle";
    if (!joint.converged && priorSD !== null) {
      // No finite maximum (the estimates drift off: data in a deterministic
      // pattern), or none found within maxIterations: start afresh with the
      // prior, under which a finite maximum always exists.
      for (const meas of measures) meas.fill(Number.NaN);
      joint = fit(1 / (priorSD * priorSD));
      iterations += joint.iterations;
      estimation = "penalised";
    }
    converged = joint.converged;
    if (!joint.converged) {
      // No estimates to report.
      for (const meas of measures) meas.fill(Number.NaN);
      estimation = null;
    } else {
      for (const f of FACETS) {
        se[f].set(joint.se[f]);
        infit[f].set(joint.infit[f]);
        outfit[f].set(joint.outfit[f]);
      }
      estimateLeftOut(elem, sizes, x, m, measures, se, infit, outfit, model, adjustment);

      // Re-centre raters and dimensions over every element with a measure, shifting
      // subjects so that every B − C − D is unchanged.
      const B = measures[SUBJECT];
      for (const f of [RATER, DIMENSION] as const) {
        const mean = nanMean(measures[f]);
        if (Number.isNaN(mean)) continue;
        const meas = measures[f];
        for (let e = 0; e < meas.length; e++) meas[e] = (meas[e] as number) - mean;
        for (let e = 0; e < B.length; e++) B[e] = (B[e] as number) - mean;
        // A lone rater (or dimension) sits at 0 by the anchoring alone: nothing was
        // estimated, so it has no measure. Its fit is still reported.
        if (meas.filter((v) => !Number.isNaN(v)).length === 1) {
          meas.fill(Number.NaN);
          se[f].fill(Number.NaN);
        }
      }
    }
  }

  const facetResult = (f: 0 | 1 | 2): Map<string, FacetMeasure> => {
    const out = new Map<string, FacetMeasure>();
    ids[f].forEach((id, e) => {
      const ext = extreme[f][e] as number;
      out.set(id, {
        measure: finiteOrNull(measures[f][e] as number),
        se: finiteOrNull(se[f][e] as number),
        infit: finiteOrNull(infit[f][e] as number),
        outfit: finiteOrNull(outfit[f][e] as number),
        ratings: totalCount[f][e] as number,
        extreme: ext < 0 ? "minimum" : ext > 0 ? "maximum" : null,
      });
    });
    return out;
  };
  return {
    subjects: facetResult(SUBJECT),
    raters: facetResult(RATER),
    dimensions: facetResult(DIMENSION),
    categories,
    thresholds: estimation !== null ? Array.from(tau.subarray(1)) : [],
    iterations,
    converged,
    estimation,
  };
}

// ---- Extreme scores and the category coding ---------------------------------------

interface Screen {
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
function screenExtremes(data: IndexedRatings, elem: PerFacet<Int32Array>, sizes: PerFacet<number>): Screen {
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
function codeScores(score: Int32Array, categories: readonly number[], out: Int32Array): void {
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

// ---- Joint maximum likelihood -----------------------------------------------------

/** The active ratings as flat arrays. */
interface ActiveRatings {
  n: number;
  s: Int32Array;
  r: Int32Array;
  d: Int32Array;
  x: Int32Array;
}

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
function jointEstimate(
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

function largestMagnitude(measures: PerFacet<Float64Array>, tau: Float64Array): number {
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
function centre(
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

/**
 * The passes over the active ratings, written as flat loops over typed arrays:
 * the cost of the whole analysis is here. While the measures are moderate,
 * exp(θ) of a rating is the product exp(B)·exp(−C)·exp(−D) of per-element
 * values computed once per pass, so a rating costs no exponential at all.
 */
class Kernel {
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
function expInto(meas: Float64Array, sign: number, out: Float64Array): number {
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

/** Category weights of the rating scale under the current thresholds. */
class ScaleModel {
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

// ---- Elements left out of the joint estimation -------------------------------------

/**
 * Extreme elements, and elements all of whose ratings involve an extreme one, are
 * estimated one at a time with every other measure held fixed, from their raw
 * score on the ratings whose other two elements have measures; an extreme raw
 * score is pulled in by `adjustment` score points. Stage 1 uses ratings whose
 * partners were estimated jointly; stage 2 whatever remains, against those.
 * Fit is reported only for the non-extreme ones.
 */
function estimateLeftOut(
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
function solveElement(
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

// ---- Small helpers ------------------------------------------------------------------

function clamp(d: number): number {
  return Math.min(MAX_STEP, Math.max(-MAX_STEP, d));
}

function finiteOrNull(v: number): number | null {
  return Number.isFinite(v) ? v : null;
}

/** Mean of the jointly estimated elements' measures. */
function coreMean(values: Float64Array, core: Uint8Array): number {
  let s = 0;
  let n = 0;
  for (let e = 0; e < values.length; e++) {
    if (!core[e]) continue;
    s += values[e] as number;
    n++;
  }
  return n === 0 ? 0 : s / n;
}

function nanMean(values: Float64Array): number {
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
function solveSymmetric(A: Float64Array, b: Float64Array, m: number): boolean {
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
