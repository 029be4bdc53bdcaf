/**
 * Krippendorff's alpha by the coincidence-matrix method (Krippendorff 2011,
 * "Computing Krippendorff's Alpha-Reliability").
 *
 *   alpha = 1 − (n − 1) · Σ o_ck δ²_ck / Σ n_c n_k δ²_ck
 *
 * where o_ck counts, within each pairable unit u (m_u ≥ 2 values), the ordered
 * pairs of values c–k from different coders weighted by 1/(m_u − 1), n_c are
 * the marginals of that matrix and n = Σ n_c is the number of pairable values.
 */

export type AlphaLevel = "nominal" | "ordinal" | "interval";

/**
 * @param units one row per unit (the thing rated), one column per coder; `null`
 *   (or a missing trailing cell) is a value the coder did not give. Rows may have
 *   different lengths. Units with fewer than two values are not pairable and
 *   are left out; the categories are the distinct values present.
 * @returns alpha, or null when it is undefined: fewer than two pairable values,
 *   or no expected disagreement (every pairable value the same).
 */
export function krippendorffAlpha(
  units: readonly (readonly (number | null)[])[],
  level: AlphaLevel,
): number | null {
  const distinct = new Set<number>();
  for (const unit of units) {
    for (const v of unit) {
      if (v === null || v === undefined) continue;
      if (!Number.isFinite(v)) throw new RangeError(`alpha needs finite values, got ${v}`);
      distinct.add(v);
    }
  }
  const values = [...distinct].sort((a, b) => a - b);
  const V = values.length;
  const index = new Map<number, number>();
  for (let i = 0; i < V; i++) index.set(values[i] as number, i);
  const counts = new Float64Array(units.length * V);
  for (let u = 0; u < units.length; u++) {
    for (const v of units[u] as readonly (number | null)[]) {
      if (v === null || v === undefined) continue;
      const i = u * V + (index.get(v) as number);
      counts[i] = (counts[i] as number) + 1;
    }
  }
  return alphaFromCoincidences(coincidences(counts, units.length, V), values, level);
}

export interface Coincidences {
  /** Number of categories. */
  V: number;
  /** V × V coincidence matrix, row-major. */
  o: Float64Array;
  /** Row marginals n_c. */
  marg: Float64Array;
  /** Pairable values, Σ n_c. */
  n: number;
}

/**
 * The coincidence matrix from per-unit category counts (`counts[u·V + c]` = how
 * many coders put unit u in category c). Categories with no values are harmless:
 * they add nothing to any sum, ordinal distances included.
 */
export function coincidences(counts: Float64Array, units: number, V: number): Coincidences {
  const o = new Float64Array(V * V);
  for (let u = 0; u < units; u++) {
    const base = u * V;
    let m = 0;
    for (let c = 0; c < V; c++) m += counts[base + c] as number;
    if (m < 2) continue;
    const w = 1 / (m - 1);
    for (let c = 0; c < V; c++) {
      const nc = counts[base + c] as number;
      if (nc === 0) continue;
      for (let k = 0; k < V; k++) {
        const nk = counts[base + k] as number;
        const pairs = c === k ? nc * (nc - 1) : nc * nk;
        if (pairs !== 0) o[c * V + k] = (o[c * V + k] as number) + pairs * w;
      }
    }
  }
  const marg = new Float64Array(V);
  let n = 0;
  for (let c = 0; c < V; c++) {
    let s = 0;
    for (let k = 0; k < V; k++) s += o[c * V + k] as number;
    marg[c] = s;
    n += s;
  }
  return { V, o, marg, n };
}

/** Alpha from a coincidence matrix whose categories have the given ascending values. */
export function alphaFromCoincidences(
  co: Coincidences,
  values: readonly number[],
  level: AlphaLevel,
): number | null {
  const { V, o, marg, n } = co;
  if (n < 2) return null;
  const delta = differenceFunction(level, values, marg);
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < V; c++) {
    for (let k = 0; k < V; k++) {
      if (c === k) continue;
      const d = delta(c, k);
      observed += (o[c * V + k] as number) * d;
      expected += (marg[c] as number) * (marg[k] as number) * d;
    }
  }
  if (!(expected > 0)) return null;
  const alpha = 1 - ((n - 1) * observed) / expected;
  return Number.isFinite(alpha) ? alpha : null;
}

/** δ²_ck between categories c ≠ k (indices into the ascending values). */
function differenceFunction(
  level: AlphaLevel,
  values: readonly number[],
  marg: Float64Array,
): (c: number, k: number) => number {
  switch (level) {
    case "nominal":
      return () => 1;
    case "interval":
      return (c, k) => {
        const d = (values[c] as number) - (values[k] as number);
        return d * d;
      };
    case "ordinal": {
      // δ²_ck = (Σ_{g=c..k} n_g − (n_c + n_k)/2)², by cumulative marginals.
      const cum = new Float64Array(marg.length + 1);
      for (let g = 0; g < marg.length; g++) cum[g + 1] = (cum[g] as number) + (marg[g] as number);
      return (c, k) => {
        const lo = Math.min(c, k);
        const hi = Math.max(c, k);
        const d =
          (cum[hi + 1] as number) - (cum[lo] as number) - ((marg[c] as number) + (marg[k] as number)) / 2;
        return d * d;
      };
    }
    default: {
      const unknown: never = level;
      throw new TypeError(`unknown level of measurement '${String(unknown)}'`);
    }
  }
}
