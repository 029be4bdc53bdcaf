// @vitest-environment node
import { clockView, createClock, pauseClock, startClock } from "@loopwright/clock";
import { describe, expect, it } from "vitest";
import { timerDisplay } from "../../../lib/phase-timer";
import { attemptTabTitle } from "./tab-title";

const MIN = 60_000;
const T0 = 1_700_000_000_000;
const started = startClock(
  createClock([
    { id: "outline", name: "Outline", durationMs: 15 * MIN },
    { id: "trade-offs", name: "Trade-offs", durationMs: 10 * MIN },
  ]),
  T0,
);
const titleAt = (clock: typeof started, at: number) => attemptTabTitle(timerDisplay(clockView(clock, at)));

describe("the attempt's tab title", () => {
  it("names the phase and the time left in it while the clock runs", () => {
    expect(titleAt(started, T0 + 2 * MIN + 26_000)).toBe("Outline · 12:34 left");
    expect(titleAt(started, T0 + 20 * MIN)).toBe("Trade-offs · 5:00 left");
  });

  it("says so when the clock is paused", () => {
    const paused = pauseClock(started, T0 + 5 * MIN);
    expect(titleAt(paused, T0 + 9 * MIN)).toBe("Paused · Outline · 10:00 left");
  });

  it("shows the overrun once the plan is used up, paused or not", () => {
    expect(titleAt(started, T0 + 27 * MIN + 13_000)).toBe("Trade-offs · +2:13 over");
    const paused = pauseClock(started, T0 + 26 * MIN);
    expect(titleAt(paused, T0 + 40 * MIN)).toBe("Paused · Trade-offs · +1:00 over");
  });

  it("changes only when a whole second passes, so it is written at most once a second", () => {
    expect(titleAt(started, T0 + 1000)).toBe(titleAt(started, T0 + 1999));
  });
});
