/**
 * Intraclass correlations after Shrout & Fleiss (1979), "Intraclass
 * correlations: uses in assessing rater reliability", from the one-way and
 * two-way ANOVA mean squares of a complete targets × judges matrix.
 */

export interface IccResult {
  /** ICC(1,1): one-way random, each target rated by a different random set of judges. */
  icc1: number;
  /** ICC(2,1): two-way random, absolute agreement of a single judge. */
  icc2: number;
  /** ICC(3,1): two-way mixed, consistency of a single judge with these fixed judges. */
  icc3: number;
  /** ICC(1,k): reliability of the mean of k judges, one-way model. */
  icc1k: number;
  /** ICC(2,k): reliability of the mean of k judges, two-way random model. */
  icc2k: number;
  /** ICC(3,k): reliability of the mean of k judges, two-way mixed model. */
  icc3k: number;
}

export interface IccAnova {
  /** Targets (rows). */
  n: number;
  /** Judges (columns). */
  k: number;
  /** Between-targets mean square, df n − 1. */
  bms: number;
  /** Within-target mean square (one-way), df n(k − 1). */
  wms: number;
  /** Between-judges mean square, df k − 1. */
  jms: number;
  /** Residual mean square (two-way), df (n − 1)(k − 1). */
  ems: number;
}

/**
 * The mean squares of a complete targets × judges matrix, or null when the
 * matrix is not complete and rectangular with at least 2 targets and 2 judges.
 */
export function iccAnova(matrix: readonly (readonly number[])[]): IccAnova | null {
  const n = matrix.length;
  if (n < 2) return null;
  const k = (matrix[0] as readonly number[]).length;
  if (k < 2) return null;
  const rowMean = new Float64Array(n);
  const colMean = new Float64Array(k);
  let grand = 0;
  for (let i = 0; i < n; i++) {
    const row = matrix[i] as readonly number[];
    if (row.length !== k) return null;
    let s = 0;
    for (let j = 0; j < k; j++) {
      const x = row[j];
      if (typeof x !== "number" || !Number.isFinite(x)) return null;
      s += x;
      colMean[j] = (colMean[j] as number) + x;
    }
    rowMean[i] = s / k;
    grand += s;
  }
  grand /= n * k;
  for (let j = 0; j < k; j++) colMean[j] = (colMean[j] as number) / n;

  let ssTotal = 0;
  for (let i = 0; i < n; i++) {
    const row = matrix[i] as readonly number[];
    for (let j = 0; j < k; j++) {
      const d = (row[j] as number) - grand;
      ssTotal += d * d;
    }
  }
  let ssRows = 0;
  for (let i = 0; i < n; i++) {
    const d = (rowMean[i] as number) - grand;
    ssRows += d * d;
  }
  ssRows *= k;
  let ssCols = 0;
  for (let j = 0; j < k; j++) {
    const d = (colMean[j] as number) - grand;
    ssCols += d * d;
  }
  ssCols *= n;
  // Clamp tiny negative residuals from rounding to zero.
  const ssWithin = Math.max(0, ssTotal - ssRows);
  const ssError = Math.max(0, ssTotal - ssRows - ssCols);
  return {
    n,
    k,
    bms: ssRows / (n - 1),
    wms: ssWithin / (n * (k - 1)),
    jms: ssCols / (k - 1),
    ems: ssError / ((n - 1) * (k - 1)),
  };
}

/**
 * The six Shrout–Fleiss intraclass correlations of a complete targets × judges
 * matrix (rows = targets, columns = judges). Null when the design is not
 * complete (see {@link iccAnova}) or when any of the six is undefined (0/0,
 * e.g. no variation at all).
 */
export function icc(matrix: readonly (readonly number[])[]): IccResult | null {
  const a = iccAnova(matrix);
  if (a === null) return null;
  const { n, k, bms, wms, jms, ems } = a;
  const result: IccResult = {
    icc1: (bms - wms) / (bms + (k - 1) * wms),
    icc2: (bms - ems) / (bms + (k - 1) * ems + (k * (jms - ems)) / n),
    icc3: (bms - ems) / (bms + (k - 1) * ems),
    icc1k: (bms - wms) / bms,
    icc2k: (bms - ems) / (bms + (jms - ems) / n),
    icc3k: (bms - ems) / bms,
  };
  for (const v of Object.values(result)) if (!Number.isFinite(v)) return null;
  return result;
}
