// @vitest-environment node
import type { AttemptSummary } from "@loopwright/schema";
import { describe, expect, it } from "vitest";
import { timeAxisFormatter } from "../../../lib/datetime";
import { axisTicks, progressData, timeDomain, timeTicks, trendSentences } from "./chart-data";

const DAY = 86_400_000;

function attempt(overrides: Partial<AttemptSummary>): AttemptSummary {
  return {
    id: "a",
    questionId: "q",
    questionTitle: "Q",
    competency: "org-design",
    status: "completed",
    loopId: null,
    loopPosition: null,
    createdAt: "2025-03-01T10:00:00.000Z",
    completedAt: "2025-03-01T10:40:00.000Z",
    phaseTimes: [],
    overrunMs: 0,
    selfScores: { a: 2, b: 3 },
    meanSelfScore: 2.5,
    ...overrides,
  };
}

describe("progress chart data", () => {
  const attempts = [
    attempt({
      id: "3",
      competency: "org-design",
      completedAt: "2025-03-20T10:00:00.000Z",
      meanSelfScore: 3.25,
    }),
    attempt({
      id: "in-progress",
      status: "active",
      completedAt: null,
      selfScores: null,
      meanSelfScore: null,
    }),
    attempt({
      id: "2",
      competency: "strategic-leadership",
      completedAt: "2025-03-10T10:00:00.000Z",
      meanSelfScore: 2,
    }),
    attempt({
      id: "1",
      competency: "org-design",
      completedAt: "2025-03-01T10:00:00.000Z",
      meanSelfScore: 2.5,
    }),
  ];

  it("keeps only self-scored attempts, oldest first, one value per row under its competency", () => {
    const data = progressData(attempts);
    expect(data.rows.map((r) => r.attemptId)).toEqual(["1", "2", "3"]);
    expect(data.rows[1]?.scores).toEqual({ "strategic-leadership": 2 });
    expect(data.rows[0]?.t).toBe(Date.parse("2025-03-01T10:00:00.000Z"));
  });

  it("lists the competencies present in the product's order", () => {
    expect(progressData([...attempts].reverse()).competencies).toEqual([
      "org-design",
      "strategic-leadership",
    ]);
  });

  it("summarises each competency's trend in words", () => {
    const { trends } = progressData(attempts);
    expect(trends[0]).toMatchObject({
      competency: "org-design",
      count: 2,
      first: 2.5,
      latest: 3.25,
      best: 3.25,
    });
    expect(trendSentences(trends)).toEqual([
      "Org design: 2 scored attempts, latest 3.3 of 4, up 0.8 from the first (2.5); best 3.3.",
      "Strategic leadership: 1 scored attempt, mean self-score 2.0 of 4.",
    ]);
  });

  it("is empty without self-scored attempts", () => {
    const data = progressData([attempts[1] as AttemptSummary]);
    expect(data.rows).toEqual([]);
    expect(data.competencies).toEqual([]);
  });
});

describe("the date axis", () => {
  it("pads a single point so it sits inside the chart, and a range by a small margin", () => {
    const [start, end] = timeDomain([10 * DAY]);
    expect(start).toBeLessThan(10 * DAY);
    expect(end).toBeGreaterThan(10 * DAY);
    expect(timeDomain([0, 100 * DAY])).toEqual([-8 * DAY, 108 * DAY]);
  });

  it("spreads evenly spaced ticks across the domain", () => {
    expect(timeTicks([0, 400], 5)).toEqual([0, 100, 200, 300, 400]);
    expect(timeTicks([5, 5])).toEqual([5]);
  });

  it("keeps only ticks whose labels differ, so a short span never prints a time twice", () => {
    const t = Date.UTC(2025, 2, 14, 9, 30, 15);
    const label = timeAxisFormatter([t, t + 90_000], { locale: "en-GB" });
    const ticks = axisTicks([t, t + 90_000]);
    const labels = ticks.map((tick) => label(tick));
    expect(new Set(labels).size).toBe(labels.length);
    expect(ticks.length).toBeLessThanOrEqual(2);
    expect(axisTicks([t, t + 30 * DAY])).toHaveLength(5);
  });
});
