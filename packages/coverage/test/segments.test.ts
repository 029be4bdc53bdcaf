import { describe, expect, it } from "vitest";
import { type Coverage, highlightSegments, matchTalkingPoints, type Segment } from "../src/index.js";
import { tp } from "./helpers.js";

const pairs = (segments: Segment[]) => segments.map((s) => [s.text, s.pointIds]);

describe("highlightSegments", () => {
  it("tags matched passages and leaves the rest untagged", () => {
    const answer = "We need a platform team and a hiring plan.";
    const coverage = matchTalkingPoints(answer, [
      tp("platform", ["platform team"]),
      tp("hiring", ["hiring plan"]),
    ]);
    expect(pairs(highlightSegments(answer, coverage))).toEqual([
      ["We need a ", []],
      ["platform team", ["platform"]],
      [" and a ", []],
      ["hiring plan", ["hiring"]],
      [".", []],
    ]);
  });

  it("lists both points where their matches overlap, in the order of the points", () => {
    const answer = "a platform team lead role";
    const points = [tp("lead", ["team lead"]), tp("platform", ["platform team"])];
    const segments = highlightSegments(answer, matchTalkingPoints(answer, points));
    expect(pairs(segments)).toEqual([
      ["a ", []],
      ["platform ", ["platform"]],
      ["team", ["lead", "platform"]],
      [" lead", ["lead"]],
      [" role", []],
    ]);
  });

  it("handles one point's match nested inside another's", () => {
    const answer = "our success metrics matter";
    const points = [tp("success", ["success metrics"]), tp("metrics", ["metric"])];
    expect(pairs(highlightSegments(answer, matchTalkingPoints(answer, points)))).toEqual([
      ["our ", []],
      ["success ", ["success"]],
      ["metrics", ["success", "metrics"]],
      [" matter", []],
    ]);
  });

  it("merges adjacent passages of the same point", () => {
    const answer = "C++Go";
    const coverage = matchTalkingPoints(answer, [tp("langs", ["C++", "Go"])]);
    expect(coverage.points[0]?.matches.map((m) => [m.start, m.end])).toEqual([
      [0, 3],
      [3, 5],
    ]);
    expect(pairs(highlightSegments(answer, coverage))).toEqual([["C++Go", ["langs"]]]);
  });

  it("returns the whole answer as one untagged segment when nothing matches", () => {
    const answer = "Nothing relevant here.";
    const coverage = matchTalkingPoints(answer, [tp("a", ["budget"])]);
    expect(highlightSegments(answer, coverage)).toEqual([{ text: answer, pointIds: [] }]);
  });

  it("returns no segments for an empty answer", () => {
    expect(highlightSegments("", matchTalkingPoints("", [tp("a", ["budget"])]))).toEqual([]);
  });

  it("concatenates back to the answer with no empty segments and no equal neighbours", () => {
    const answer =
      "Budget first: the budget\u2019s tight, so we hire two and re-org the platform team; hiring plan in Q3.";
    const coverage = matchTalkingPoints(answer, [
      tp("budget", ["budget", "tight"]),
      tp("hiring", ["hire", "hiring plan", "plan"]),
      tp("platform", ["platform", "platform team", "team"]),
      tp("org", ["re-org", "org"]),
    ]);
    const segments = highlightSegments(answer, coverage);
    expect(segments.map((s) => s.text).join("")).toBe(answer);
    expect(segments.every((s) => s.text.length > 0)).toBe(true);
    for (let i = 1; i < segments.length; i++) {
      expect(segments[i]?.pointIds).not.toEqual(segments[i - 1]?.pointIds);
    }
    expect(segments.filter((s) => s.pointIds.length > 0).map((s) => s.text)).toEqual([
      "Budget",
      "budget",
      "tight",
      "hire",
      "re-org",
      "platform team",
      "hiring plan",
    ]);
  });

  it("clamps offsets that fall outside the answer and drops empty ranges", () => {
    const coverage: Coverage = {
      points: [
        {
          id: "a",
          point: "A",
          covered: true,
          matches: [
            { phrase: "x", start: -5, end: 2, text: "" },
            { phrase: "x", start: 3, end: 3, text: "" },
            { phrase: "x", start: 4, end: 99, text: "" },
          ],
        },
      ],
      coveredCount: 1,
      total: 1,
    };
    expect(pairs(highlightSegments("abcdef", coverage))).toEqual([
      ["ab", ["a"]],
      ["cd", []],
      ["ef", ["a"]],
    ]);
  });

  it("lists a point id once even if two points share it", () => {
    const answer = "the budget";
    const coverage = matchTalkingPoints(answer, [tp("a", ["budget"]), tp("a", ["the budget"])]);
    expect(pairs(highlightSegments(answer, coverage))).toEqual([["the budget", ["a"]]]);
  });
});
