import { describe, expect, it } from "vitest";
import { highlightSegments, matchTalkingPoints } from "../src/index.js";
import { tp } from "./helpers.js";

const answer = `Today the org has 42 engineers and five managers, and two of them are overloaded with eleven direct reports each. My first move is to reorganise around product areas so nobody carries a span of control above eight, and I would promote two senior engineers into managers rather than wait on outside recruiting.

On hiring, I would hire four engineers this year but backfill attrition before adding net-new headcount. I would also stand up a small platform team of four that owns CI, environments and the paved-road templates; today every squad maintains its own pipelines, which is where most of the toil lives.

I would sequence this in three phases: the manager changes in the first quarter, the platform team in the second, and new hires as budget lands. Throughout, I would lead timely retros with each team and check in with the skip-levels each month so the changes stick.`;

const points = [
  tp("span-of-control", [
    "span of control",
    "direct reports",
    "reports per manager",
    "overloaded",
    "reorg",
    "reorganize",
  ]),
  tp("hiring-plan", ["hiring plan", "hire", "headcount", "backfill", "recruiting"]),
  tp("platform-team", [
    "platform team",
    "internal platform",
    "developer experience",
    "paved road",
    "shared infrastructure",
  ]),
  // Near misses in the answer: "lead timely" is not "lead time".
  tp("success-metrics", ["success metrics", "DORA", "lead time", "measure", "KPI", "OKR"]),
  tp("sequencing", ["sequence", "phase", "first 90 days", "before we", "milestone", "order of"]),
];

describe("a realistic three-paragraph answer", () => {
  const coverage = matchTalkingPoints(answer, points);

  it("covers exactly the points the answer addresses", () => {
    expect(coverage.points.filter((p) => p.covered).map((p) => p.id)).toEqual([
      "span-of-control",
      "hiring-plan",
      "platform-team",
      "sequencing",
    ]);
    expect(coverage.coveredCount).toBe(4);
    expect(coverage.total).toBe(5);
  });

  it("finds the expected passages for each point, in order", () => {
    expect(Object.fromEntries(coverage.points.map((p) => [p.id, p.matches.map((m) => m.text)]))).toEqual({
      "span-of-control": ["overloaded", "direct reports", "reorganise", "span of control"],
      "hiring-plan": ["recruiting", "hiring", "hire", "backfill", "headcount", "hires"],
      "platform-team": ["platform team", "paved-road", "platform team"],
      "success-metrics": [],
      sequencing: ["sequence", "phases"],
    });
  });

  it("points every match at the original text", () => {
    const all = coverage.points.flatMap((p) => p.matches);
    expect(all).toHaveLength(15);
    for (const m of all) expect(answer.slice(m.start, m.end)).toBe(m.text);
    expect(coverage.points[0]?.matches[0]).toEqual({
      phrase: "overloaded",
      start: 70,
      end: 80,
      text: "overloaded",
    });
  });

  it("segments the whole answer for highlighting", () => {
    const segments = highlightSegments(answer, coverage);
    expect(segments.map((s) => s.text).join("")).toBe(answer);
    const tagged = segments.filter((s) => s.pointIds.length > 0);
    expect(tagged).toHaveLength(15);
    expect(tagged.find((s) => s.text === "paved-road")?.pointIds).toEqual(["platform-team"]);
  });
});
