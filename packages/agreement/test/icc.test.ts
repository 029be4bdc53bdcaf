import { describe, expect, it } from "vitest";
import { icc, iccAnova } from "../src/index.js";

// Shrout & Fleiss (1979), Table 2: six targets rated by four judges.
const shroutFleiss = [
  [9, 2, 5, 8],
  [6, 1, 3, 2],
  [8, 4, 6, 8],
  [7, 1, 2, 6],
  [10, 5, 6, 9],
  [6, 2, 4, 7],
];

describe("Shrout & Fleiss (1979) Table 2", () => {
  it("has the published mean squares (Table 3: BMS 11.24, WMS 6.26, JMS 32.49, EMS 1.02)", () => {
    const a = iccAnova(shroutFleiss);
    expect(a).not.toBeNull();
    const { n, k, bms, wms, jms, ems } = a as NonNullable<typeof a>;
    expect([n, k]).toEqual([6, 4]);
    // Exact: 1349/120, 451/72, 2339/72, 367/360.
    expect(bms).toBeCloseTo(1349 / 120, 12);
    expect(wms).toBeCloseTo(451 / 72, 12);
    expect(jms).toBeCloseTo(2339 / 72, 12);
    expect(ems).toBeCloseTo(367 / 360, 12);
    expect([bms, wms, jms, ems].map((v) => v.toFixed(2))).toEqual(["11.24", "6.26", "32.49", "1.02"]);
  });

  // The exact ANOVA formulas give these fractions; the paper prints them to 2 decimals.
  const expected = {
    icc1: { exact: 448 / 2703, three: 0.166, published: "0.17" },
    icc2: { exact: 184 / 635, three: 0.29, published: "0.29" },
    icc3: { exact: 920 / 1287, three: 0.715, published: "0.71" },
    icc1k: { exact: 1792 / 4047, three: 0.443, published: "0.44" },
    icc2k: { exact: 736 / 1187, three: 0.62, published: "0.62" },
    icc3k: { exact: 3680 / 4047, three: 0.909, published: "0.91" },
  } as const;

  const result = icc(shroutFleiss);

  for (const [name, want] of Object.entries(expected)) {
    it(`${name} = ${want.three.toFixed(3)}, published as ${want.published}`, () => {
      const got = result?.[name as keyof typeof expected] as number;
      expect(got).toBeCloseTo(want.exact, 12);
      expect(got).toBeCloseTo(want.three, 3);
      expect(got.toFixed(2)).toBe(want.published);
    });
  }
});

describe("ICC properties", () => {
  it("is 1 for judges in perfect agreement", () => {
    const r = icc([
      [1, 1, 1],
      [2, 2, 2],
      [4, 4, 4],
    ]);
    expect(r).not.toBeNull();
    for (const v of Object.values(r ?? {})) expect(v).toBeCloseTo(1, 12);
  });

  it("separates consistency from absolute agreement: a constant offset lowers ICC(2) and ICC(1) but not ICC(3)", () => {
    const r = icc([
      [1, 3],
      [2, 4],
      [3, 5],
      [4, 6],
    ]);
    expect(r?.icc3).toBeCloseTo(1, 12);
    expect(r?.icc3k).toBeCloseTo(1, 12);
    expect(r?.icc2).toBeLessThan(1);
    expect(r?.icc1).toBeLessThan(r?.icc2 as number);
  });
});

describe("ICC is null when undefined", () => {
  it("for an incomplete design (ragged rows or missing cells)", () => {
    expect(
      icc([
        [1, 2, 3],
        [2, 3],
      ]),
    ).toBeNull();
    expect(
      icc([
        [1, 2],
        [2, Number.NaN],
      ]),
    ).toBeNull();
  });

  it("for a single judge or a single target", () => {
    expect(icc([[1], [2], [3]])).toBeNull();
    expect(icc([[1, 2, 3]])).toBeNull();
    expect(icc([])).toBeNull();
  });

  it("when there is no variation at all (0/0)", () => {
    expect(
      icc([
        [3, 3],
        [3, 3],
      ]),
    ).toBeNull();
  });

  it("when targets do not differ but judges do (ICC(1,k) = −WMS/0)", () => {
    expect(
      icc([
        [1, 2],
        [2, 1],
      ]),
    ).toBeNull();
  });
});
