import { COMPETENCIES } from "@loopwright/schema";
import { describe, expect, it } from "vitest";
import { coverageCounts, previewCoverage } from "./coverage";

describe("previewCoverage", () => {
  it("marks competencies no round assesses as gaps and those several rounds assess as overlaps", () => {
    const cells = previewCoverage([
      { competencies: ["org-design", "managing-managers"] },
      { competencies: ["strategic-leadership", "managing-managers"] },
    ]);
    expect(cells.map((c) => c.competency)).toEqual([...COMPETENCIES]);
    const cell = (c: string) => cells.find((x) => x.competency === c);
    expect(cell("org-design")).toEqual({ competency: "org-design", rounds: [0], status: "covered" });
    expect(cell("managing-managers")).toEqual({
      competency: "managing-managers",
      rounds: [0, 1],
      status: "overlap",
    });
    expect(cell("crisis-change")).toEqual({ competency: "crisis-change", rounds: [], status: "gap" });
    expect(coverageCounts(cells)).toEqual({ gap: 5, covered: 2, overlap: 1 });
  });
});
