import { describe, expect, it } from "vitest";
import { COMPETENCIES, loopCoverage } from "../src/index.js";

describe("loopCoverage", () => {
  it("lists every competency once, with the rounds that assess it", () => {
    const cells = loopCoverage([
      { competencies: ["org-design", "managing-managers"] },
      { competencies: ["strategic-leadership", "managing-managers"] },
    ]);
    expect(cells.map((c) => c.competency)).toEqual([...COMPETENCIES]);
    const byName = Object.fromEntries(cells.map((c) => [c.competency, c]));
    expect(byName["org-design"]).toEqual({ competency: "org-design", rounds: [0], status: "covered" });
    expect(byName["managing-managers"]).toEqual({
      competency: "managing-managers",
      rounds: [0, 1],
      status: "overlap",
    });
    expect(byName["crisis-change"]).toEqual({ competency: "crisis-change", rounds: [], status: "gap" });
  });

  it("marks everything a gap for a loop without rounds", () => {
    expect(loopCoverage([]).every((c) => c.status === "gap")).toBe(true);
  });
});
