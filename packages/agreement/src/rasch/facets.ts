/** The three facets of the model and the constants every stage of the fit shares. */

export const SUBJECT = 0;
export const RATER = 1;
export const DIMENSION = 2;
export const FACETS = [SUBJECT, RATER, DIMENSION] as const;
/** θ = B − C − D: the sign with which each facet enters. */
export const SIGN = [1, -1, -1] as const;
/** Largest Newton step per sweep, in logits. */
export const MAX_STEP = 1;
/**
 * A jointly estimated measure or threshold beyond this many logits means the
 * likelihood has no finite maximum (data in a deterministic, Guttman-like
 * pattern, e.g. one rater always exactly one point above another on a few
 * answers): the estimates drift off without bound, so estimation stops early.
 * Real measures, extreme-score adjustments aside, stay within a few logits.
 */
export const DIVERGED = 30;
/** exp(θ)-products are used while k·|θ| + |T_k| ≤ 2·EXP_SAFE, far inside the double range. */
export const EXP_SAFE = 300;

/** Per-facet arrays, indexed [SUBJECT, RATER, DIMENSION]. */
export type PerFacet<T> = [T, T, T];

export const perFacet = <T>(make: (f: 0 | 1 | 2) => T): PerFacet<T> => [make(0), make(1), make(2)];
