import { COMPETENCIES } from "@loopwright/schema";
import { describe, expect, it } from "vitest";
import { coverageCounts, hiddenOverlapNotice, previewCoverage } from "./coverage";

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

describe("hiddenOverlapNotice", () => {
  const cells = previewCoverage([
    { competencies: ["org-design", "managing-managers"] },
    { competencies: ["strategic-leadership"] },
    { competencies: ["execution-process"] },
    { competencies: ["technical-judgment", "org-design"] },
    { competencies: ["crisis-change", "managing-managers"] },
  ]);

  it("names the flagged rounds scrolled out of view", () => {
    expect(hiddenOverlapNotice(cells, new Set([3, 4]))).toBe(
      "Overlap flagged in rounds 4 and 5 — scroll the matrix sideways to see them.",
    );
    expect(hiddenOverlapNotice(cells, new Set([2, 4]))).toBe(
      "Overlap flagged in round 5 — scroll the matrix sideways to see it.",
    );
    expect(hiddenOverlapNotice(cells, new Set([0, 3, 4]))).toBe(
      "Overlap flagged in rounds 1, 4 and 5 — scroll the matrix sideways to see them.",
    );
  });

  it("says nothing when every flagged round is in view or nothing overlaps", () => {
    expect(hiddenOverlapNotice(cells, new Set())).toBeNull();
    expect(hiddenOverlapNotice(cells, new Set([1, 2]))).toBeNull();
    expect(hiddenOverlapNotice(previewCoverage([{ competencies: ["org-design"] }]), new Set([0]))).toBeNull();
  });
});
