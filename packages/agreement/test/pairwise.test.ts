import { describe, expect, it } from "vitest";
import { pairwiseAgreement } from "../src/index.js";

describe("pairwiseAgreement", () => {
  it("counts every pair of raters on the same unit", () => {
    const r = pairwiseAgreement([
      [2, 3, 4], // (2,3) adjacent, (2,4) neither, (3,4) adjacent
      [1, 1, null], // (1,1) exact
      [3, null, null], // no pair
    ]);
    expect(r.pairs).toBe(4);
    expect(r.exact).toBe(1 / 4);
    expect(r.adjacent).toBe(3 / 4);
  });

  it("takes the adjacency tolerance as a parameter and works on any numbers", () => {
    const units = [
      [0.5, 1.5, 3],
      [2, 2.4, 2],
    ];
    expect(pairwiseAgreement(units, 1)).toEqual({ pairs: 6, exact: 1 / 6, adjacent: 4 / 6 });
    expect(pairwiseAgreement(units, 0)).toEqual({ pairs: 6, exact: 1 / 6, adjacent: 1 / 6 });
    expect(pairwiseAgreement(units, 2.5)).toEqual({ pairs: 6, exact: 1 / 6, adjacent: 1 });
  });

  it("agrees with a brute-force count over all pairs", () => {
    const units = [
      [1, 4, 2, 2, 3, 4, 4, 1],
      [3, 3, 3, null, 2],
      [1, 2, 3, 4],
    ];
    let pairs = 0;
    let exact = 0;
    let adjacent = 0;
    for (const unit of units) {
      const v = unit.filter((x): x is number => x !== null);
      for (let i = 0; i < v.length; i++) {
        for (let j = i + 1; j < v.length; j++) {
          pairs++;
          const d = Math.abs((v[i] as number) - (v[j] as number));
          if (d === 0) exact++;
          if (d <= 1) adjacent++;
        }
      }
    }
    expect(pairwiseAgreement(units)).toEqual({ pairs, exact: exact / pairs, adjacent: adjacent / pairs });
  });

  it("is null without pairs", () => {
    expect(pairwiseAgreement([[1], [2, null]])).toEqual({ pairs: 0, exact: null, adjacent: null });
  });
});
