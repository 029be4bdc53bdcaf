/**
 * The full analysis of a large calibration exercise — 50 raters × 500 answers ×
 * 5 dimensions, 125,000 ratings on a 1–4 scale — against a bare baseline that
 * only groups the same ratings into per-dimension subject × rater matrices.
 * Run from the repository root: npx vitest bench --run packages/agreement
 */
import { bench, describe } from "vitest";
import { analyze, manyFacetRasch, type Rating } from "../src/index.js";
import { mulberry32, normal, simulateRatings } from "../test/helpers.js";

const scale = { min: 1, max: 4 };
const gauss = normal(mulberry32(2025));
const ratings = simulateRatings({
  seed: 2025,
  abilities: Array.from({ length: 500 }, () => 1.2 * gauss()),
  severities: Array.from({ length: 50 }, () => 0.6 * gauss()),
  difficulties: [-0.4, -0.2, 0, 0.2, 0.4],
  thresholds: [-1.5, 0, 1.5],
  min: 1,
});
if (ratings.length !== 125_000) throw new Error(`expected 125,000 ratings, got ${ratings.length}`);

/** Baseline: one pass building a subjects × raters matrix per dimension, plus the per-dimension mean. */
function groupIntoMatrices(input: readonly Rating[]) {
  const dims = new Map<
    string,
    { subjects: Map<string, number>; raters: Map<string, number>; rows: number[][] }
  >();
  const sums = new Map<string, number>();
  for (const r of input) {
    let d = dims.get(r.dimension);
    if (d === undefined) {
      d = { subjects: new Map(), raters: new Map(), rows: [] };
      dims.set(r.dimension, d);
    }
    let s = d.subjects.get(r.subject);
    if (s === undefined) {
      s = d.subjects.size;
      d.subjects.set(r.subject, s);
      d.rows.push([]);
    }
    let j = d.raters.get(r.rater);
    if (j === undefined) {
      j = d.raters.size;
      d.raters.set(r.rater, j);
    }
    (d.rows[s] as number[])[j] = r.score;
    sums.set(r.dimension, (sums.get(r.dimension) ?? 0) + r.score);
  }
  return { dims, sums };
}

const options = { iterations: 10, warmupIterations: 2, time: 0, warmupTime: 0 };

describe("125,000 ratings (50 raters × 500 answers × 5 dimensions)", () => {
  bench(
    "baseline: group into per-dimension matrices",
    () => {
      groupIntoMatrices(ratings);
    },
    options,
  );

  bench(
    "manyFacetRasch alone",
    () => {
      manyFacetRasch(ratings, scale);
    },
    options,
  );

  bench(
    "analyze: full analysis",
    () => {
      analyze(ratings, scale);
    },
    options,
  );
});
