/** Input types, validation, and the indexed (typed-array) form of a rating set. */

export interface Rating {
  rater: string;
  subject: string;
  dimension: string;
  score: number;
}

/** Integer scores from min to max inclusive, e.g. { min: 1, max: 4 }. */
export interface Scale {
  min: number;
  max: number;
}

export class AgreementError extends Error {
  override name = "AgreementError";
}

/**
 * Ratings with their subjects, raters and dimensions replaced by indices into
 * the id lists (each list in order of first appearance).
 */
export interface IndexedRatings {
  count: number;
  subjects: string[];
  raters: string[];
  dimensions: string[];
  subject: Int32Array;
  rater: Int32Array;
  dimension: Int32Array;
  score: Int32Array;
  scale: Scale;
}

export function validateScale(scale: Scale): void {
  if (!Number.isInteger(scale.min) || !Number.isInteger(scale.max) || scale.min >= scale.max) {
    throw new AgreementError(
      `a scale needs whole-number bounds with min < max, got ${scale.min}..${scale.max}`,
    );
  }
}

/**
 * Validates and indexes ratings. Throws {@link AgreementError} for a score that
 * is not a whole number within the scale, and for a rater scoring the same
 * subject on the same dimension twice.
 */
export function indexRatings(ratings: readonly Rating[], scale: Scale): IndexedRatings {
  validateScale(scale);
  const count = ratings.length;
  const subject = new Int32Array(count);
  const rater = new Int32Array(count);
  const dimension = new Int32Array(count);
  const score = new Int32Array(count);
  const subjects: string[] = [];
  const raters: string[] = [];
  const dimensions: string[] = [];
  const subjectIndex = new Map<string, number>();
  const raterIndex = new Map<string, number>();
  const dimensionIndex = new Map<string, number>();
  const lookup = (map: Map<string, number>, list: string[], id: string): number => {
    let i = map.get(id);
    if (i === undefined) {
      i = list.length;
      map.set(id, i);
      list.push(id);
    }
    return i;
  };
  for (let r = 0; r < count; r++) {
    const rating = ratings[r] as Rating;
    const s = rating.score;
    if (!Number.isInteger(s) || s < scale.min || s > scale.max) {
      throw new AgreementError(
        `rater '${rating.rater}' scored subject '${rating.subject}' on '${rating.dimension}' ${s}, outside the whole numbers ${scale.min}..${scale.max}`,
      );
    }
    subject[r] = lookup(subjectIndex, subjects, rating.subject);
    rater[r] = lookup(raterIndex, raters, rating.rater);
    dimension[r] = lookup(dimensionIndex, dimensions, rating.dimension);
    score[r] = s;
  }
  // One rating per (subject, rater, dimension).
  const R = raters.length;
  const D = dimensions.length;
  const seen = new Set<number>();
  for (let r = 0; r < count; r++) {
    const key = ((subject[r] as number) * R + (rater[r] as number)) * D + (dimension[r] as number);
    if (seen.has(key)) {
      const rating = ratings[r] as Rating;
      throw new AgreementError(
        `rater '${rating.rater}' scored subject '${rating.subject}' on '${rating.dimension}' more than once`,
      );
    }
    seen.add(key);
  }
  return { count, subjects, raters, dimensions, subject, rater, dimension, score, scale };
}

/** Rating indices per key (keys 0..n−1), in input order. */
export function groupRows(keys: Int32Array, n: number): Int32Array[] {
  const counts = new Int32Array(n);
  for (const k of keys) counts[k] = (counts[k] as number) + 1;
  const groups = Array.from(counts, (c) => new Int32Array(c));
  const fill = new Int32Array(n);
  for (let r = 0; r < keys.length; r++) {
    const k = keys[r] as number;
    (groups[k] as Int32Array)[fill[k] as number] = r;
    fill[k] = (fill[k] as number) + 1;
  }
  return groups;
}
