import { describe, expect, it } from "vitest";
import { backoffDelay } from "../src/index.js";

describe("backoffDelay with equal jitter", () => {
  const options = { baseMs: 500, maxMs: 15_000 };

  it("doubles the ceiling per attempt and draws from its upper half", () => {
    expect(backoffDelay(0, options, 0)).toBe(250);
    expect(backoffDelay(0, options, 0.999999)).toBe(500);
    expect(backoffDelay(1, options, 0)).toBe(500);
    expect(backoffDelay(1, options, 1)).toBe(1000);
    expect(backoffDelay(3, options, 0.5)).toBe(3000);
  });

  it("never waits longer than the cap, however many attempts failed", () => {
    expect(backoffDelay(10, options, 1)).toBe(15_000);
    expect(backoffDelay(1000, options, 1)).toBe(15_000);
    expect(backoffDelay(1000, options, 0)).toBe(7_500);
  });

  it("spreads callers that failed together", () => {
    const delays = new Set([0.1, 0.3, 0.5, 0.7, 0.9].map((r) => backoffDelay(4, options, r)));
    expect(delays.size).toBe(5);
  });

  it("keeps a random number outside [0, 1] within the half it draws from", () => {
    expect(backoffDelay(2, options, -3)).toBe(1000);
    expect(backoffDelay(2, options, 7)).toBe(2000);
  });
});

describe("backoffDelay without jitter", () => {
  it("waits the ceiling itself: 100, 200, 400 … up to the cap", () => {
    const options = { baseMs: 100, maxMs: 5_000, jitter: "none" as const };
    expect([0, 1, 2, 3, 4, 5, 6, 7, 20].map((attempt) => backoffDelay(attempt, options, 0.5))).toEqual([
      100, 200, 400, 800, 1600, 3200, 5000, 5000, 5000,
    ]);
  });
});
