// @vitest-environment node
import type { AttemptSummary } from "@loopwright/schema";
import { describe, expect, it } from "vitest";
import { resumable } from "./resume";

function attempt(id: string, overrides: Partial<AttemptSummary> = {}): AttemptSummary {
  return {
    id,
    questionId: "q",
    questionTitle: id,
    competency: "org-design",
    status: "active",
    loopId: null,
    loopPosition: null,
    createdAt: "2025-03-01T10:00:00.000Z",
    completedAt: null,
    phaseTimes: [],
    overrunMs: 0,
    selfScores: null,
    meanSelfScore: null,
    ...overrides,
  };
}

describe("what can be picked up", () => {
  it("offers answers in progress and answers awaiting a self-score, newest first, but not finished ones", () => {
    const items = resumable([
      attempt("old-active", { createdAt: "2025-03-01T10:00:00.000Z" }),
      attempt("done", { status: "completed" }),
      attempt("to-score", { status: "review", createdAt: "2025-03-02T10:00:00.000Z" }),
    ]);
    expect(items.map((i) => [i.attempt.id, i.action])).toEqual([
      ["to-score", "score"],
      ["old-active", "resume"],
    ]);
  });

  it("offers a loop's next round only once the rounds before it are handed in", () => {
    const loop = (id: string, position: number, status: AttemptSummary["status"]) =>
      attempt(id, { loopId: "L", loopPosition: position, status });
    const running = resumable([loop("r1", 0, "active"), loop("r2", 1, "pending"), loop("r3", 2, "pending")]);
    expect(running.map((i) => i.attempt.id)).toEqual(["r1"]);
    expect(running[0]?.round).toEqual({ number: 1, total: 3 });

    const handedIn = resumable([loop("r1", 0, "review"), loop("r2", 1, "pending"), loop("r3", 2, "pending")]);
    expect(handedIn.map((i) => [i.attempt.id, i.action])).toEqual([
      ["r1", "score"],
      ["r2", "start-round"],
    ]);
    expect(handedIn[1]?.round).toEqual({ number: 2, total: 3 });
  });
});
