import { describe, expect, it } from "vitest";
import { krippendorffAlpha } from "../src/index.js";

const _ = null;

/** Reliability data are printed observers × units; the function takes units × observers. */
const transpose = (rows: (number | null)[][]): (number | null)[][] =>
  (rows[0] as (number | null)[]).map((_, u) => rows.map((row) => row[u] ?? null));

describe("Krippendorff (2011), Computing Krippendorff's Alpha-Reliability", () => {
  // Example C–E: four observers, twelve units, values 1–5, missing values.
  const fourObservers = transpose([
    [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
    [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
  ]);

  it("reproduces nominal alpha = 0.743 with missing values", () => {
    expect(krippendorffAlpha(fourObservers, "nominal")).toBeCloseTo(0.743, 3);
  });

  it("reproduces ordinal alpha = 0.815", () => {
    expect(krippendorffAlpha(fourObservers, "ordinal")).toBeCloseTo(0.815, 3);
  });

  it("reproduces interval alpha = 0.849", () => {
    expect(krippendorffAlpha(fourObservers, "interval")).toBeCloseTo(0.849, 3);
  });

  it("matches the exact nominal value by hand: 113/152", () => {
    // n = 40 pairable values with marginals n_1..n_5 = 9, 13, 10, 5, 3; the coincidences off the
    // diagonal sum to 8 and n² − Σ n_c² = 1216, so α = 1 − (40 − 1)·8/1216 = 113/152.
    expect(krippendorffAlpha(fourObservers, "nominal")).toBeCloseTo(113 / 152, 12);
  });

  it("drops unit 12 (one value) as not pairable: the same alpha without it", () => {
    const without = fourObservers.slice(0, 11);
    for (const level of ["nominal", "ordinal", "interval"] as const) {
      expect(krippendorffAlpha(without, level)).toBeCloseTo(
        krippendorffAlpha(fourObservers, level) as number,
        12,
      );
    }
  });

  it("reproduces example A, binary data from two observers: alpha = 0.095", () => {
    const units = transpose([
      [0, 1, 0, 0, 0, 0, 0, 0, 1, 0],
      [1, 1, 1, 0, 0, 1, 0, 0, 0, 0],
    ]);
    // 1 − (20 − 1)·4/(14·6) = 1 − 76/84.
    expect(krippendorffAlpha(units, "nominal")).toBeCloseTo(0.095, 3);
    expect(krippendorffAlpha(units, "nominal")).toBeCloseTo(8 / 84, 12);
  });

  it("reproduces example B, nominal data from two observers: alpha = 0.692", () => {
    // Categories a–e coded 1–5.
    const units = transpose([
      [1, 1, 2, 2, 4, 3, 3, 3, 5, 4, 4, 1],
      [2, 1, 2, 2, 2, 3, 3, 3, 5, 4, 4, 4],
    ]);
    expect(krippendorffAlpha(units, "nominal")).toBeCloseTo(0.692, 3);
  });
});

describe("the computational example of Wikipedia's Krippendorff's alpha article", () => {
  // Three coders, fifteen units, many missing values (unit 2 and 14 not coded at all).
  const units = transpose([
    [_, _, _, _, _, 3, 4, 1, 2, 1, 1, 3, 3, _, 3],
    [1, _, 2, 1, 3, 3, 4, 3, _, _, _, _, _, _, _],
    [_, _, 2, 1, 3, 4, 4, _, 2, 1, 1, 3, 3, _, 4],
  ]);

  it("gives nominal alpha = 0.691", () => {
    expect(krippendorffAlpha(units, "nominal")).toBeCloseTo(0.691, 3);
  });

  it("gives interval alpha = 0.811", () => {
    expect(krippendorffAlpha(units, "interval")).toBeCloseTo(0.811, 3);
  });
});

describe("properties", () => {
  const units = [
    [1, 2, 2],
    [3, 3, 4],
    [1, 1, null],
    [4, 3, 4],
    [2, 2, 1],
  ];

  it("is 1 for perfect agreement at every level", () => {
    const perfect = [
      [1, 1, 1],
      [2, 2, null],
      [4, 4, 4],
    ];
    for (const level of ["nominal", "ordinal", "interval"] as const)
      expect(krippendorffAlpha(perfect, level)).toBe(1);
  });

  it("nominal alpha ignores the labels, ordinal alpha ignores monotone relabelling", () => {
    const relabel = (f: (v: number) => number) => units.map((u) => u.map((v) => (v === null ? null : f(v))));
    const shuffled = relabel((v) => [0, 7, -2, 30, 5][v] as number);
    const monotone = relabel((v) => v ** 3 + 10);
    expect(krippendorffAlpha(shuffled, "nominal")).toBeCloseTo(
      krippendorffAlpha(units, "nominal") as number,
      12,
    );
    expect(krippendorffAlpha(monotone, "ordinal")).toBeCloseTo(
      krippendorffAlpha(units, "ordinal") as number,
      12,
    );
    expect(krippendorffAlpha(monotone, "interval")).not.toBeCloseTo(
      krippendorffAlpha(units, "interval") as number,
      3,
    );
  });

  it("interval alpha is invariant under a linear change of scale", () => {
    const linear = units.map((u) => u.map((v) => (v === null ? null : 2.5 * v - 7)));
    expect(krippendorffAlpha(linear, "interval")).toBeCloseTo(
      krippendorffAlpha(units, "interval") as number,
      12,
    );
  });

  it("does not depend on the order of coders or units", () => {
    const reordered = [...units].reverse().map((u) => [...u].reverse());
    for (const level of ["nominal", "ordinal", "interval"] as const) {
      expect(krippendorffAlpha(reordered, level)).toBeCloseTo(krippendorffAlpha(units, level) as number, 12);
    }
  });

  it("can be negative when disagreement is systematic", () => {
    expect(
      krippendorffAlpha(
        [
          [1, 2],
          [2, 1],
          [1, 2],
          [2, 1],
        ],
        "nominal",
      ),
    ).toBeLessThan(0);
  });
});

describe("undefined alpha is null", () => {
  it("when every pairable value is the same (no expected disagreement)", () => {
    const same = [
      [3, 3, 3],
      [3, 3, null],
      [2, null, null], // not pairable: does not count as variation
    ];
    for (const level of ["nominal", "ordinal", "interval"] as const)
      expect(krippendorffAlpha(same, level)).toBeNull();
  });

  it("when no unit has two values", () => {
    expect(krippendorffAlpha([[1], [2], [3, null]], "nominal")).toBeNull();
    expect(krippendorffAlpha([], "interval")).toBeNull();
  });

  it("rejects values that are not finite numbers", () => {
    expect(() => krippendorffAlpha([[1, Number.NaN]], "nominal")).toThrow(RangeError);
  });
});
