import { describe, expect, it } from "vitest";
import { MATCHING_RULES, matchTalkingPoints } from "../src/index.js";
import { spans, tp } from "./helpers.js";

describe("matchTalkingPoints", () => {
  it("reports each point with its id, text, coverage and counts", () => {
    const coverage = matchTalkingPoints("We need a platform team.", [
      tp("platform", ["platform team", "paved road"]),
      tp("hiring", ["hiring plan"]),
    ]);
    expect(coverage).toEqual({
      points: [
        {
          id: "platform",
          point: "The answer covers platform.",
          covered: true,
          matches: [{ phrase: "platform team", start: 10, end: 23, text: "platform team" }],
        },
        { id: "hiring", point: "The answer covers hiring.", covered: false, matches: [] },
      ],
      coveredCount: 1,
      total: 2,
    });
  });

  it("returns offsets into the original text even around astral characters and curly quotes", () => {
    const answer = "\u{1F680} Ship it \u2014 we\u2019ll re\u2011org the\u00A0platform\nteam\u2019s on-call.";
    const [point] = matchTalkingPoints(answer, [
      tp("p", ["we'll", "re-org", "platform team", "on call"]),
    ]).points;
    expect(point?.matches.map((m) => [m.start, m.end, m.text])).toEqual([
      [13, 18, "we\u2019ll"],
      [19, 25, "re\u2011org"],
      [30, 43, "platform\nteam"],
      [46, 53, "on-call"],
    ]);
    for (const m of point?.matches ?? []) expect(answer.slice(m.start, m.end)).toBe(m.text);
  });

  it("keeps the longest match at a position and drops overlapping ones within a point", () => {
    const [point] = matchTalkingPoints("a platform team.", [
      tp("p", ["platform", "team", "platform team"]),
    ]).points;
    expect(point?.matches).toEqual([{ phrase: "platform team", start: 2, end: 15, text: "platform team" }]);
  });

  it("scans left to right, so an earlier match wins over a later overlapping one", () => {
    expect(spans("an ops team lead", "team lead", "ops team")).toEqual([[3, 11, "ops team"]]);
  });

  it("sorts matches by start whatever the phrase order", () => {
    expect(spans("budget first, then hiring, then budget", "hire", "budget")).toEqual([
      [0, 6, "budget"],
      [19, 25, "hiring"],
      [32, 38, "budget"],
    ]);
  });

  it("reports a span found by two equal phrases once, under the first", () => {
    const [point] = matchTalkingPoints("headcount", [tp("p", ["Headcount", "headcount"])]).points;
    expect(point?.matches).toEqual([{ phrase: "Headcount", start: 0, end: 9, text: "headcount" }]);
  });

  it("gives the same passage to every point that lists the phrase", () => {
    const coverage = matchTalkingPoints("the budget", [tp("a", ["budget"]), tp("b", ["budget", "cost"])]);
    expect(coverage.points.map((p) => p.matches.map((m) => [m.start, m.end]))).toEqual([
      [[4, 10]],
      [[4, 10]],
    ]);
    expect(coverage.coveredCount).toBe(2);
  });

  it("ignores blank phrases", () => {
    const coverage = matchTalkingPoints("a - b", [tp("blank", ["", "   ", "\n", "-"]), tp("b", ["", "b"])]);
    expect(coverage.points.map((p) => p.covered)).toEqual([false, true]);
    expect(coverage.points[1]?.matches).toEqual([{ phrase: "b", start: 4, end: 5, text: "b" }]);
  });

  it("handles an empty answer", () => {
    const coverage = matchTalkingPoints("", [tp("a", ["budget"]), tp("b", ["hire"])]);
    expect(coverage).toMatchObject({ coveredCount: 0, total: 2 });
    expect(coverage.points.every((p) => !p.covered && p.matches.length === 0)).toBe(true);
  });

  it("handles a question with no talking points", () => {
    expect(matchTalkingPoints("anything", [])).toEqual({ points: [], coveredCount: 0, total: 0 });
  });
});

describe("regex metacharacters in phrases", () => {
  it("matches P&L and C++ literally", () => {
    expect(spans("We own the P&L and C++ services.", "P&L", "C++")).toEqual([
      [11, 14, "P&L"],
      [19, 22, "C++"],
    ]);
  });

  it("treats a dot as a dot", () => {
    expect(spans("v2x0 and v2.0", "v2.0")).toEqual([[9, 13, "v2.0"]]);
  });

  it("matches parentheses, slashes and dollar signs literally", () => {
    expect(spans("targets (SLO) and SLO", "(SLO)")).toEqual([[8, 13, "(SLO)"]]);
    expect(spans("a build/buy call", "build/buy")).toEqual([[2, 11, "build/buy"]]);
    expect(spans("a $100k budget", "$100k")).toEqual([[2, 7, "$100k"]]);
  });

  it("does not treat | ? * [ ] { } ^ \\ as regex syntax", () => {
    expect(spans("x or y", "x|y")).toEqual([]);
    expect(spans("use x|y", "x|y")).toEqual([[4, 7, "x|y"]]);
    expect(spans("cost", "cost?")).toEqual([]);
    expect(spans("is it cost?", "cost?")).toEqual([[6, 11, "cost?"]]);
    expect(spans("aaa", "a*")).toEqual([]);
    expect(spans("[x] {y} ^z \\w", "[x]", "{y}", "^z", "\\w")).toEqual([
      [0, 3, "[x]"],
      [4, 7, "{y}"],
      [8, 10, "^z"],
      [11, 13, "\\w"],
    ]);
  });

  it("asserts a boundary only on the side of the phrase that is a word character", () => {
    expect(spans("ASP.NET teams", ".NET")).toEqual([[3, 7, ".NET"]]);
    expect(spans("C++, then C++17", "C++")).toEqual([
      [0, 3, "C++"],
      [10, 13, "C++"],
    ]);
  });
});

describe("performance", () => {
  const points = Array.from({ length: 10 }, (_, i) =>
    tp(`p${i}`, [
      `span of control ${i}`,
      "hiring plan",
      "platform team",
      "reorganize",
      "success metric",
      `phase ${i}`,
    ]),
  );

  it("matches 10 points of 6 phrases against a 50,000-character answer quickly", () => {
    const paragraph =
      "We reorganised the platform team, set success metrics and wrote a hiring plan for phase 3. ";
    const answer = paragraph.repeat(Math.ceil(50_000 / paragraph.length)).slice(0, 50_000);
    const started = performance.now();
    const coverage = matchTalkingPoints(answer, points);
    const elapsed = performance.now() - started;
    expect(coverage.coveredCount).toBe(10);
    // 549 whole 91-character paragraphs, then "We reorganised the platform team, set success met".
    // Every point matches reorganised, platform team, success metrics and hiring plan;
    // only p3 also matches "phase 3".
    expect(coverage.points[0]?.matches).toHaveLength(549 * 4 + 2);
    expect(coverage.points[3]?.matches).toHaveLength(549 * 5 + 2);
    expect(elapsed).toBeLessThan(1000);
  });

  it("does not backtrack catastrophically on long runs of near misses", () => {
    const answer = `${"span  -  ".repeat(5_000)}x`;
    const started = performance.now();
    const coverage = matchTalkingPoints(answer, [tp("p", ["span span span span span of control", "span x"])]);
    expect(coverage.points[0]?.matches).toEqual([
      { phrase: "span x", start: 44_991, end: 45_001, text: "span  -  x" },
    ]);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe("MATCHING_RULES", () => {
  it("states each rule as one sentence for the UI", () => {
    expect(MATCHING_RULES).toHaveLength(7);
    for (const rule of MATCHING_RULES) expect(rule).toMatch(/^[A-Z][^\n]*[^.]\.$/);
    expect(MATCHING_RULES.join(" ")).toContain('"span of control" also matches "span-of-control"');
  });
});
