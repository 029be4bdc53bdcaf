import type { AnalysisWithFlags } from "@loopwright/schema";
import { describe, expect, it } from "vitest";
import {
  agreementSummary,
  alphaAxis,
  alphaData,
  alphaDomain,
  compareRounds,
  formatTick,
  severityAxis,
  severityData,
  severitySummary,
} from "./chart-data";

const names: Record<string, string> = { a: "Ana", b: "Ben", c: "Chi" };
const nameOf = (id: string) => names[id] ?? id;

const dim = (dimension: string, ordinal: number | null, exact: number | null) => ({
  dimension,
  raters: 3,
  subjects: 3,
  ratings: 9,
  alpha: { nominal: ordinal, ordinal, interval: ordinal },
  icc: null,
  fleissKappa: null,
  exactAgreement: exact,
  adjacentAgreement: exact,
});
const rater = (id: string, meanOffset: number | null, severity: number | null, se: number | null = 0.3) => ({
  rater: id,
  ratings: 9,
  meanOffset,
  severity,
  severitySE: se,
  infit: 1,
  outfit: 1,
});
const analysis = (
  dimensions: ReturnType<typeof dim>[],
  raters: ReturnType<typeof rater>[],
): AnalysisWithFlags => ({
  dimensions,
  raters,
  flags: [],
  heatmap: [],
  distributions: [],
  referenceOffsets: [],
});

describe("severity chart data", () => {
  const data = severityData(
    [rater("a", 0.1, -0.4), rater("b", 0, 0.05), rater("c", -1, 1.6), rater("d", null, null)],
    nameOf,
  );

  it("orders interviewers harshest first and leaves out those without an estimate", () => {
    expect(data.map((d) => d.name)).toEqual(["Chi", "Ben", "Ana"]);
    expect(data.map((d) => d.direction)).toEqual(["harsher", "on the bar", "more lenient"]);
  });

  it("uses a symmetric axis with round ticks that holds every whisker", () => {
    expect(severityAxis(data)).toEqual({ domain: [-2, 2], ticks: [-2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2] });
    expect(severityAxis([])).toEqual({
      domain: [-1, 1],
      ticks: [-1, -0.75, -0.5, -0.25, 0, 0.25, 0.5, 0.75, 1],
    });
    const wide = severityAxis([{ rater: "x", name: "X", severity: 10.55, se: 1.92, direction: "harsher" }]);
    expect(wide).toEqual({ domain: [-15, 15], ticks: [-15, -10, -5, 0, 5, 10, 15] });
  });

  it("formats axis ticks compactly", () => {
    expect([formatTick(-5), formatTick(0), formatTick(2.5), formatTick(0.25, false)]).toEqual([
      "−5",
      "0",
      "+2.5",
      "0.25",
    ]);
  });

  it("summarises the extremes in words", () => {
    const text = severitySummary(data);
    expect(text).toContain("Harshest: Chi at +1.60 (standard error 0.30)");
    expect(text).toContain("Most lenient: Ana at −0.40");
  });
});

describe("agreement chart data", () => {
  const data = alphaData([dim("Structure", 0.9, 1), dim("Trade-offs", 0.4, 0.5), dim("Flat", null, 1)]);

  it("marks dimensions below 0.667 and keeps undefined ones without a bar", () => {
    expect(data.map((d) => d.belowBar)).toEqual([false, true, false]);
    expect(data[2]?.alpha).toBeNull();
  });

  it("ticks the alpha axis in quarters from its lowest value", () => {
    expect(alphaAxis([0.4, null])).toEqual({ domain: [0, 1], ticks: [0, 0.25, 0.5, 0.75, 1] });
    expect(alphaAxis([-0.6, 0.9])).toEqual({
      domain: [-0.75, 1],
      ticks: [-0.75, -0.5, -0.25, 0, 0.25, 0.5, 0.75, 1],
    });
  });

  it("extends the axis below zero only for negative alpha", () => {
    expect(alphaDomain(data)).toEqual([0, 1]);
    expect(alphaDomain(alphaData([dim("x", -0.3, 0)]))).toEqual([-0.5, 1]);
  });

  it("names the dimensions below the bar and the undefined ones", () => {
    const text = agreementSummary(data);
    expect(text).toContain("Structure: 0.90; Trade-offs: 0.40.");
    expect(text).toContain("Below the bar: Trade-offs.");
    expect(text).toContain("Undefined for this data: Flat.");
  });

  it("keeps the visible caption to the verdicts, leaving the values to the table", () => {
    const text = agreementSummary(data, { values: false });
    expect(text).not.toContain("Structure: 0.90");
    expect(text).toContain("Highest: Structure (0.90); lowest: Trade-offs (0.40).");
    expect(text).toContain("Below the bar: Trade-offs.");
    expect(agreementSummary(alphaData([dim("a", 1, 1), dim("b", 1, 1)]), { values: false })).toContain(
      "Every dimension is at 1.00.",
    );
  });
});

describe("compareRounds", () => {
  const round1 = analysis(
    [dim("Structure", 0.2, 0.3), dim("Trade-offs", 0.5, 0.4)],
    [rater("a", 0.3, -0.5), rater("b", 0.2, -0.3), rater("c", -1, 1.2)],
  );
  const round2 = analysis(
    [dim("Structure", 0.8, 0.9), dim("Trade-offs", null, 1)],
    [rater("a", 0, 0), rater("b", 0.1, 0), rater("c", -0.2, 0.1)],
  );

  it("pairs each dimension's alpha and exact agreement across rounds", () => {
    const c = compareRounds(round1, round2, nameOf);
    expect(c.dimensions).toEqual([
      { dimension: "Structure", alphaBefore: 0.2, alphaAfter: 0.8, exactBefore: 0.3, exactAfter: 0.9 },
      { dimension: "Trade-offs", alphaBefore: 0.5, alphaAfter: null, exactBefore: 0.4, exactAfter: 1 },
    ]);
    expect([c.alphaRose, c.alphaComparable, c.exactRose, c.exactComparable]).toEqual([1, 1, 2, 2]);
  });

  it("says the bar converged when offsets shrink and agreement rises", () => {
    const c = compareRounds(round1, round2, nameOf);
    expect(c.raters.map((r) => [r.name, r.shrank])).toEqual([
      ["Ana", true],
      ["Ben", true],
      ["Chi", true],
    ]);
    expect(c.meanAbsOffsetBefore).toBeCloseTo(0.5, 6);
    expect(c.meanAbsOffsetAfter).toBeCloseTo(0.1, 6);
    expect([c.offBarBefore, c.offBarAfter]).toEqual([1, 0]);
    expect(c.verdict).toBe("converged");
  });

  it("says it diverged when the panel drifts apart, and mixed when signals disagree", () => {
    expect(compareRounds(round2, round1, nameOf).verdict).toBe("diverged");
    const mixed = analysis(
      [dim("Structure", 0.2, 0.95), dim("Trade-offs", 0.5, 0.95)],
      [rater("a", 0.6, 0), rater("b", 0.6, 0), rater("c", -1.2, 0)],
    );
    expect(compareRounds(round1, mixed, nameOf).verdict).toBe("mixed");
  });
});
