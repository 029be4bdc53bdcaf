import {
  ANALYZE_MAX_DIMENSIONS,
  ANALYZE_MAX_RATERS,
  ANALYZE_MAX_RATINGS,
  ANALYZE_MAX_SCALE_POINTS,
  ANALYZE_MAX_SUBJECTS,
  type RatingInput,
} from "@loopwright/schema";

/**
 * Deterministic ratings from a simple model (subject level − rater severity −
 * dimension difficulty + noise), so the Rasch fit converges as it would on real
 * data. Subject s gets its k-th rating from rater (7s + k) on dimension (s + k):
 * no rater scores a subject twice, and with the defaults every bound of one
 * analysis is reached at once.
 */
export function modelRatings({
  ratings = ANALYZE_MAX_RATINGS,
  raters = ANALYZE_MAX_RATERS,
  subjects = ANALYZE_MAX_SUBJECTS,
  dimensions = ANALYZE_MAX_DIMENSIONS,
  points = ANALYZE_MAX_SCALE_POINTS,
} = {}): RatingInput[] {
  if (ratings > subjects * raters) throw new Error("more ratings than rater × subject pairs");
  let seed = 12345;
  const noise = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 2 ** 32 - 0.5;
  };
  return Array.from({ length: ratings }, (_, i) => {
    const s = i % subjects;
    const k = Math.floor(i / subjects);
    const j = (7 * s + k) % raters;
    const d = (s + k) % dimensions;
    const level = (s % 9) - 4;
    const severity = (j % 5) - 2;
    const difficulty = (d % 3) - 1;
    const raw = (points + 1) / 2 + 0.6 * level - 0.5 * severity - 0.5 * difficulty + 3 * noise();
    return {
      rater: `rater-${j}`,
      subject: `subject-${s}`,
      dimension: `dimension-${d}`,
      score: Math.max(1, Math.min(points, Math.round(raw))),
    };
  });
}

export const ratingsCsv = (ratings: RatingInput[]) =>
  [
    "rater,subject,dimension,score",
    ...ratings.map((r) => `${r.rater},${r.subject},${r.dimension},${r.score}`),
  ].join("\n");
