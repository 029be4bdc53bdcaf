/** Percentage agreement over every pair of raters who scored the same unit. */

export interface PairwiseAgreement {
  /** Rater pairs on the same unit, over all units. */
  pairs: number;
  /** Share of those pairs with identical scores; null without pairs. */
  exact: number | null;
  /** Share of those pairs whose scores differ by at most `within`; null without pairs. */
  adjacent: number | null;
}

/**
 * @param units one row per unit, one column per rater, `null` where a rater gave no score.
 * @param within largest difference still counted as adjacent (default 1).
 */
export function pairwiseAgreement(
  units: readonly (readonly (number | null)[])[],
  within = 1,
): PairwiseAgreement {
  let pairs = 0;
  let exact = 0;
  let adjacent = 0;
  const scores: number[] = [];
  for (const unit of units) {
    scores.length = 0;
    for (const v of unit) if (v !== null && v !== undefined) scores.push(v);
    const m = scores.length;
    if (m < 2) continue;
    scores.sort((a, b) => a - b);
    pairs += (m * (m - 1)) / 2;
    // Two pointers over the sorted scores: for each i, the j > i within range.
    let runEnd = 0;
    let near = 0;
    for (let i = 0; i < m; i++) {
      const v = scores[i] as number;
      if (runEnd <= i) runEnd = i + 1;
      while (runEnd < m && scores[runEnd] === v) runEnd++;
      exact += runEnd - i - 1;
      if (near <= i) near = i + 1;
      while (near < m && (scores[near] as number) - v <= within) near++;
      adjacent += near - i - 1;
    }
  }
  return {
    pairs,
    exact: pairs > 0 ? exact / pairs : null,
    adjacent: pairs > 0 ? adjacent / pairs : null,
  };
}
