/**
 * Fleiss' kappa (Fleiss 1971, "Measuring nominal scale agreement among many
 * raters") for N subjects each classified by the same number n ≥ 2 of raters
 * into k categories.
 *
 *   P_i = (Σ_j n_ij² − n) / (n(n − 1)),  P̄ = mean P_i,
 *   p_j = Σ_i n_ij / (N n),             P̄e = Σ p_j²,
 *   κ = (P̄ − P̄e) / (1 − P̄e)
 */

/**
 * @param counts one row per subject, one column per category: how many raters
 *   put that subject in that category.
 * @returns kappa, or null when undefined: no subjects, subjects with different
 *   numbers of ratings, fewer than 2 ratings per subject, or an expected
 *   agreement of 1 (every rating in one category).
 */
export function fleissKappa(counts: readonly (readonly number[])[]): number | null {
  const N = counts.length;
  if (N === 0) return null;
  let k = 0;
  for (const row of counts) k = Math.max(k, row.length);
  const totals = new Float64Array(k);
  let n = -1;
  let sumP = 0;
  for (const row of counts) {
    let rowTotal = 0;
    let squares = 0;
    for (let j = 0; j < row.length; j++) {
      const c = row[j] as number;
      if (!Number.isInteger(c) || c < 0)
        throw new RangeError(`category counts must be whole numbers ≥ 0, got ${c}`);
      rowTotal += c;
      squares += c * c;
      totals[j] = (totals[j] as number) + c;
    }
    if (n === -1) n = rowTotal;
    else if (rowTotal !== n) return null;
    if (n < 2) return null;
    sumP += (squares - n) / (n * (n - 1));
  }
  const pBar = sumP / N;
  let pe = 0;
  for (let j = 0; j < k; j++) {
    const p = (totals[j] as number) / (N * n);
    pe += p * p;
  }
  if (pe >= 1 - 1e-12) return null;
  const kappa = (pBar - pe) / (1 - pe);
  return Number.isFinite(kappa) ? kappa : null;
}
