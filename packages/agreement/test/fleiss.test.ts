import { describe, expect, it } from "vitest";
import { fleissKappa } from "../src/index.js";
import { FLEISS_1971_DIAGNOSES } from "./helpers.js";

describe("Fleiss' kappa", () => {
  it("reproduces Wikipedia's worked example: 10 subjects, 14 raters, 5 categories, kappa = 0.210", () => {
    const counts = [
      [0, 0, 0, 0, 14],
      [0, 2, 6, 4, 2],
      [0, 0, 3, 5, 6],
      [0, 3, 9, 2, 0],
      [2, 2, 8, 1, 1],
      [7, 7, 0, 0, 0],
      [3, 2, 6, 3, 0],
      [2, 5, 3, 2, 2],
      [6, 5, 2, 1, 0],
      [0, 2, 2, 3, 7],
    ];
    // P̄ = 0.378, P̄e = 0.213 in the article.
    expect(fleissKappa(counts)).toBeCloseTo(0.21, 3);
  });

  it("reproduces Fleiss (1971): 30 patients, 6 psychiatrists each, 5 diagnoses, kappa = 0.430", () => {
    // kappam.fleiss() in the irr package gives 0.4302445 on this data.
    const diagnoses = FLEISS_1971_DIAGNOSES;
    const counts = diagnoses.map((row) => [1, 2, 3, 4, 5].map((c) => row.filter((d) => d === c).length));
    // Column totals as in Fleiss' Table 1 (depression, personality disorder, schizophrenia, neurosis, other).
    expect([0, 1, 2, 3, 4].map((c) => counts.reduce((s, row) => s + (row[c] as number), 0))).toEqual([
      26, 26, 30, 55, 43,
    ]);
    expect(fleissKappa(counts)).toBeCloseTo(0.43, 3);
    expect(fleissKappa(counts)).toBeCloseTo(0.4302445, 7);
  });

  it("is 1 for perfect agreement and ignores empty categories", () => {
    expect(
      fleissKappa([
        [3, 0, 0],
        [0, 3, 0],
        [3, 0, 0],
      ]),
    ).toBe(1);
    expect(
      fleissKappa([
        [3, 0, 0, 0],
        [0, 3, 0, 0],
        [3, 0, 0, 0],
      ]),
    ).toBe(1);
  });

  it("is null when subjects have different numbers of ratings", () => {
    expect(
      fleissKappa([
        [2, 1],
        [1, 1],
      ]),
    ).toBeNull();
  });

  it("is null with fewer than two ratings per subject, or no subjects", () => {
    expect(
      fleissKappa([
        [1, 0],
        [0, 1],
      ]),
    ).toBeNull();
    expect(fleissKappa([])).toBeNull();
  });

  it("is null when expected agreement is 1 (every rating in one category)", () => {
    expect(
      fleissKappa([
        [0, 4, 0],
        [0, 4, 0],
      ]),
    ).toBeNull();
  });

  it("rejects counts that are not whole numbers ≥ 0", () => {
    expect(() => fleissKappa([[1.5, 0.5]])).toThrow(RangeError);
    expect(() => fleissKappa([[-1, 3]])).toThrow(RangeError);
  });
});
