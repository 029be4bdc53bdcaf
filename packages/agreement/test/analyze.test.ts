import { describe, expect, it } from "vitest";
import {
  AgreementError,
  analyze,
  fleissKappa,
  icc,
  krippendorffAlpha,
  pairwiseAgreement,
  type Rating,
} from "../src/index.js";
import {
  FLEISS_1971_DIAGNOSES,
  matrixRatings,
  mulberry32,
  nonFinitePaths,
  normal,
  simulateRatings,
  tinyPanel,
} from "./helpers.js";

const scale = { min: 1, max: 4 };
const rate = (rater: string, subject: string, dimension: string, score: number): Rating => ({
  rater,
  subject,
  dimension,
  score,
});

describe("meanOffset", () => {
  // Hand-computed: offset = score − median of the other raters' scores in the same cell.
  const ratings: Rating[] = [
    // clarity, s1: A 2, B 3, C 4 → A: 2 − 3.5 = −1.5, B: 3 − 3 = 0, C: 4 − 2.5 = +1.5
    rate("A", "s1", "clarity", 2),
    rate("B", "s1", "clarity", 3),
    rate("C", "s1", "clarity", 4),
    // clarity, s2: A 1, B 1 → 0 and 0
    rate("A", "s2", "clarity", 1),
    rate("B", "s2", "clarity", 1),
    // clarity, s3: A alone → skipped
    rate("A", "s3", "clarity", 3),
    // clarity, s4: A 1, B 2, C 4, D 4 → A: 1 − 4 = −3, B: 2 − 4 = −2, C: 4 − 2 = +2, D: +2
    rate("A", "s4", "clarity", 1),
    rate("B", "s4", "clarity", 2),
    rate("C", "s4", "clarity", 4),
    rate("D", "s4", "clarity", 4),
    // clarity, s5: E alone → E has no counterpart anywhere
    rate("E", "s5", "clarity", 2),
    // depth, s1: A 4, D 2 → A: +2, D: −2 (cells are per dimension: clarity's s1 scores do not count)
    rate("A", "s1", "depth", 4),
    rate("D", "s1", "depth", 2),
  ];
  const result = analyze(ratings, scale);
  const byRater = new Map(result.raters.map((r) => [r.rater, r]));

  it("averages the offsets from the median of the other raters in each cell", () => {
    expect(byRater.get("A")?.meanOffset).toBeCloseTo((-1.5 + 0 - 3 + 2) / 4, 12); // −0.625
    expect(byRater.get("B")?.meanOffset).toBeCloseTo((0 + 0 - 2) / 3, 12);
    expect(byRater.get("C")?.meanOffset).toBeCloseTo((1.5 + 2) / 2, 12);
    expect(byRater.get("D")?.meanOffset).toBe(0);
  });

  it("is null for a rater who never shares a cell, and counts every rating", () => {
    expect(byRater.get("E")?.meanOffset).toBeNull();
    expect(result.raters.map((r) => [r.rater, r.ratings])).toEqual([
      ["A", 5],
      ["B", 3],
      ["C", 2],
      ["D", 2],
      ["E", 1],
    ]);
  });

  it("reports exact and adjacent agreement over the rater pairs of each subject", () => {
    const clarity = result.dimensions.find((d) => d.dimension === "clarity");
    // Pairs: s1 (2,3) (2,4) (3,4); s2 (1,1); s4 (1,2) (1,4) (1,4) (2,4) (2,4) (4,4): 10 pairs,
    // 2 identical, 5 within one point.
    expect(clarity?.exactAgreement).toBeCloseTo(0.2, 12);
    expect(clarity?.adjacentAgreement).toBeCloseTo(0.5, 12);
    expect(clarity).toMatchObject({ raters: 5, subjects: 5, ratings: 11, icc: null, fleissKappa: null });
  });

  it("lists dimensions and raters in order of first appearance", () => {
    expect(result.dimensions.map((d) => d.dimension)).toEqual(["clarity", "depth"]);
    expect(result.raters.map((r) => r.rater)).toEqual(["A", "B", "C", "D", "E"]);
  });
});

describe("per-dimension statistics agree with the building blocks", () => {
  it("reproduces Shrout & Fleiss (1979) through analyze", () => {
    const matrix = [
      [9, 2, 5, 8],
      [6, 1, 3, 2],
      [8, 4, 6, 8],
      [7, 1, 2, 6],
      [10, 5, 6, 9],
      [6, 2, 4, 7],
    ];
    const [dim] = analyze(matrixRatings(matrix), { min: 1, max: 10 }).dimensions;
    expect(dim?.icc?.icc1).toBeCloseTo(0.166, 3);
    expect(dim?.icc?.icc2).toBeCloseTo(0.29, 3);
    expect(dim?.icc?.icc3).toBeCloseTo(0.715, 3);
    expect(dim?.icc).toEqual(icc(matrix));
    expect(dim?.alpha.interval).toBeCloseTo(krippendorffAlpha(matrix, "interval") as number, 12);
    expect(dim?.alpha.ordinal).toBeCloseTo(krippendorffAlpha(matrix, "ordinal") as number, 12);
    expect(dim?.alpha.nominal).toBeCloseTo(krippendorffAlpha(matrix, "nominal") as number, 12);
    const pairwise = pairwiseAgreement(matrix);
    expect(dim?.exactAgreement).toBeCloseTo(pairwise.exact as number, 12);
    expect(dim?.adjacentAgreement).toBeCloseTo(pairwise.adjacent as number, 12);
  });

  it("reproduces Fleiss' kappa of 0.430 on the Fleiss (1971) diagnoses through analyze", () => {
    const diagnoses = FLEISS_1971_DIAGNOSES;
    const [dim] = analyze(matrixRatings(diagnoses), { min: 1, max: 5 }).dimensions;
    expect(dim?.fleissKappa).toBeCloseTo(0.43, 3);
    expect(dim?.alpha.nominal).toBeCloseTo(krippendorffAlpha(diagnoses, "nominal") as number, 12);
  });

  it("computes each dimension from its own ratings only", () => {
    const a = matrixRatings(
      [
        [1, 2],
        [3, 3],
        [4, 2],
      ],
      "a",
    );
    const b = matrixRatings(
      [
        [2, 2],
        [1, 4],
      ],
      "b",
    );
    const both = analyze([...a, ...b], scale).dimensions;
    expect(both[0]).toEqual(analyze(a, scale).dimensions[0]);
    expect(both[1]).toEqual(analyze(b, scale).dimensions[0]);
    expect(both[1]?.fleissKappa).toBe(
      fleissKappa([
        [0, 2, 0, 0],
        [1, 0, 0, 1],
      ]),
    );
  });
});

describe("undefined statistics are null", () => {
  it("no variation: alpha, ICC and kappa null; agreement 1", () => {
    const [dim] = analyze(
      matrixRatings([
        [3, 3, 3],
        [3, 3, 3],
      ]),
      scale,
    ).dimensions;
    expect(dim).toMatchObject({
      alpha: { nominal: null, ordinal: null, interval: null },
      icc: null,
      fleissKappa: null,
      exactAgreement: 1,
      adjacentAgreement: 1,
    });
  });

  it("a single rater: nothing to compare", () => {
    const result = analyze(matrixRatings([[1], [2], [4]]), scale);
    expect(result.dimensions[0]).toMatchObject({
      raters: 1,
      alpha: { nominal: null, ordinal: null, interval: null },
      icc: null,
      fleissKappa: null,
      exactAgreement: null,
      adjacentAgreement: null,
    });
    expect(result.raters[0]).toMatchObject({ meanOffset: null, severity: null, severitySE: null });
  });

  it("an incomplete design: ICC null, alpha still defined", () => {
    const [dim] = analyze(
      matrixRatings([
        [1, 2, 2],
        [3, 3, null],
        [4, 3, 4],
      ]),
      scale,
    ).dimensions;
    expect(dim?.icc).toBeNull();
    expect(dim?.alpha.interval).toEqual(expect.any(Number));
  });

  it("unequal numbers of ratings per subject: kappa null", () => {
    const [dim] = analyze(
      matrixRatings([
        [1, 2, 2],
        [3, 3, null],
        [4, 3, 4],
      ]),
      scale,
    ).dimensions;
    expect(dim?.fleissKappa).toBeNull();
  });

  it("no ratings: nothing at all", () => {
    expect(analyze([], scale)).toEqual({ dimensions: [], raters: [] });
  });
});

describe("no NaN or Infinity anywhere in the output", () => {
  const gauss = normal(mulberry32(1));
  const simulated = simulateRatings({
    seed: 1,
    abilities: Array.from({ length: 30 }, () => gauss()),
    severities: Array.from({ length: 6 }, () => gauss()),
    difficulties: [0, 0.3],
    thresholds: [-1.5, 0, 1.5],
    min: 1,
    coverage: 0.7,
  });
  const cases: Record<string, Rating[]> = {
    simulated,
    "one rating": [rate("a", "s", "d", 2)],
    "all the same": matrixRatings([
      [2, 2],
      [2, 2],
    ]),
    "everyone top": matrixRatings([
      [4, 4],
      [4, 4],
    ]),
    "one rater": matrixRatings([[1], [2], [3], [4]]),
    "one subject": matrixRatings([[1, 2, 4]]),
    "two scores only": matrixRatings([
      [1, 4],
      [4, 1],
    ]),
    "a tiny panel in a Guttman-like pattern (penalised estimation)": tinyPanel(),
    "extremes mixed in": [
      ...simulated,
      ...["r0", "r1", "r2"].map((r) => rate(r, "perfect", "d0", 4)),
      ...["r0", "r1", "r2"].map((r) => rate(r, "perfect", "d1", 4)),
      rate("newcomer", "perfect", "d0", 4),
    ],
  };
  for (const [name, ratings] of Object.entries(cases)) {
    it(name, () => {
      expect(nonFinitePaths(analyze(ratings, scale))).toEqual([]);
    });
  }
});

describe("input validation", () => {
  it("rejects scores outside the scale or not whole", () => {
    expect(() => analyze([rate("a", "s", "d", 5)], scale)).toThrow(AgreementError);
    expect(() => analyze([rate("a", "s", "d", 0)], scale)).toThrow(AgreementError);
    expect(() => analyze([rate("a", "s", "d", 2.5)], scale)).toThrow(/whole numbers 1..4/);
  });

  it("rejects a rater scoring the same subject on the same dimension twice", () => {
    expect(() => analyze([rate("a", "s", "d", 2), rate("a", "s", "d", 3)], scale)).toThrow(/more than once/);
  });

  it("rejects a scale without whole-number bounds min < max", () => {
    expect(() => analyze([], { min: 4, max: 1 })).toThrow(AgreementError);
    expect(() => analyze([], { min: 1, max: 1 })).toThrow(AgreementError);
    expect(() => analyze([], { min: 0.5, max: 4 })).toThrow(AgreementError);
  });
});

describe("rater severity through analyze", () => {
  it("ranks a harsh panel member above a lenient one and centres severities at 0", () => {
    const gauss = normal(mulberry32(21));
    const ratings = simulateRatings({
      seed: 21,
      abilities: Array.from({ length: 40 }, () => gauss()),
      severities: [1.2, 0, 0.2, -0.2, -1.2],
      difficulties: [-0.3, 0, 0.3],
      thresholds: [-1.5, 0, 1.5],
      min: 1,
    });
    const { raters } = analyze(ratings, scale);
    const sev = raters.map((r) => r.severity as number);
    expect(sev[0]).toBe(Math.max(...sev));
    expect(sev[4]).toBe(Math.min(...sev));
    expect(sev.reduce((a, b) => a + b, 0)).toBeCloseTo(0, 9);
    // The harsh rater scores below the panel, the lenient one above.
    expect(raters[0]?.meanOffset).toBeLessThan(0);
    expect(raters[4]?.meanOffset).toBeGreaterThan(0);
    for (const r of raters) {
      expect(r.severitySE).toBeGreaterThan(0);
      expect(r.infit).toBeGreaterThan(0.6);
      expect(r.outfit).toBeLessThan(1.6);
    }
  });
});

describe("rater severity on a tiny panel", () => {
  it("shows the harsh interviewer's severity when plain JMLE has no solution", () => {
    const { raters } = analyze(tinyPanel(), scale);
    const by = new Map(raters.map((r) => [r.rater, r]));
    const sev = (id: string) => by.get(id)?.severity as number;
    expect(sev("chi")).toBeGreaterThan(sev("ben"));
    expect(sev("ben")).toBeGreaterThan(sev("ana"));
    expect(sev("chi")).toBeGreaterThan(0);
    expect(sev("ana")).toBeLessThan(0);
    for (const r of raters) {
      expect(r.severitySE).toBeGreaterThan(0);
      expect(r.infit).toEqual(expect.any(Number));
      expect(r.outfit).toEqual(expect.any(Number));
    }
    expect(by.get("chi")?.meanOffset).toBeLessThan(0);
  });
});
