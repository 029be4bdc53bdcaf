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

import { AgreementError, type IndexedRatings, indexRatings, type Rating, type Scale } from "./data.js";
import { screenExtremes } from "./rasch/extremes.js";
import { DIMENSION, FACETS, type PerFacet, perFacet, RATER, SUBJECT } from "./rasch/facets.js";
import { jointEstimate } from "./rasch/joint-estimation.js";
import { estimateLeftOut } from "./rasch/left-out.js";
import { finiteOrNull, nanMean } from "./rasch/numerics.js";
import { ScaleModel } from "./rasch/scale-model.js";

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

/** Fits the model to ratings (validated as in analyze: whole scores within the scale, no duplicates). */
export function manyFacetRasch(
  ratings: readonly Rating[],
  scale: Scale,
  options: RaschOptions = {},
): RaschResult {
  return estimateRasch(indexRatings(ratings, scale), options);
}

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
