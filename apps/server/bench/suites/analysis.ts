/**
 * The full analysis of a large calibration exercise — 50 raters × 500 answers ×
 * 5 dimensions, 125,000 ratings on a 1–4 scale — against a bare baseline that
 * only groups the same ratings into per-dimension subject × rater matrices.
 */
import { analyze, manyFacetRasch, type Rating } from "@loopwright/agreement";
import { mulberry32, normal, simulateRatings } from "../../../../packages/agreement/test/helpers.js";
import { alternate, type BenchRow, type BenchSuite } from "../harness.js";

const scale = { min: 1, max: 4 };

function simulate(answers: number) {
  const gauss = normal(mulberry32(2025));
  return simulateRatings({
    seed: 2025,
    abilities: Array.from({ length: answers }, () => 1.2 * gauss()),
    severities: Array.from({ length: 50 }, () => 0.6 * gauss()),
    difficulties: [-0.4, -0.2, 0, 0.2, 0.4],
    thresholds: [-1.5, 0, 1.5],
    min: 1,
  });
}

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

/** Milliseconds for `work` once. */
function timed(work: () => unknown): () => Promise<number> {
  return async () => {
    const started = performance.now();
    work();
    return performance.now() - started;
  };
}

export const suite: BenchSuite = {
  name: "analysis",
  file: "apps/server/bench/suites/analysis.ts",
  async run({ short, rounds }) {
    const answers = short ? 50 : 500;
    const ratings = simulate(answers);
    if (ratings.length !== answers * 250)
      throw new Error(`expected ${answers * 250} ratings, got ${ratings.length}`);
    const size = `${ratings.length.toLocaleString("en")} ratings (50 raters × ${answers} answers × 5 dimensions)`;
    const baseline = timed(() => groupIntoMatrices(ratings));
    const rasch = await alternate(
      rounds,
      timed(() => manyFacetRasch(ratings, scale)),
      baseline,
    );
    const full = await alternate(
      rounds,
      timed(() => analyze(ratings, scale)),
      baseline,
    );
    const rows: BenchRow[] = [
      { what: `many-facet Rasch severity, ${size}`, unit: "ms", ...rasch, better: "lower" },
      {
        what: `full analysis (alpha, ICC, kappa, Rasch, pairwise), ${size}`,
        unit: "ms",
        ...full,
        better: "lower",
        note: "baseline: grouping the same ratings into per-dimension matrices, the least any analysis must do",
      },
    ];
    return rows;
  },
};
