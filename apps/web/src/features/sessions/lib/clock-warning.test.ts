import { createClock, pauseClock, startClock, stopClock } from "@loopwright/clock";
import { describe, expect, it } from "vitest";
import { timeLeft, timeLeftSentence } from "./clock-warning";

const clock = createClock([
  { id: "a", name: "Clarify", durationMs: 10 * 60_000 },
  { id: "b", name: "Answer", durationMs: 30 * 60_000 },
]);
const t0 = 1_000_000;

describe("time left before scoring or releasing", () => {
  it("reads the clock and what is left while it runs", () => {
    const left = timeLeft(startClock(clock, t0), t0 + 22_000);
    expect(left).toEqual({ reading: "0:22 of 40:00", left: "39 minutes 38 seconds", paused: false });
    expect(timeLeftSentence(left as NonNullable<typeof left>)).toBe(
      "The clock is still running: 0:22 of 40:00, with 39 minutes 38 seconds of the interview left.",
    );
  });

  it("still warns while paused", () => {
    expect(timeLeft(pauseClock(startClock(clock, t0), t0 + 60_000), t0 + 600_000)?.paused).toBe(true);
  });

  it("does not warn before the start, after a stop, or once every planned minute is used", () => {
    expect(timeLeft(clock, t0)).toBeNull();
    expect(timeLeft(stopClock(startClock(clock, t0), t0 + 60_000), t0 + 120_000)).toBeNull();
    expect(timeLeft(startClock(clock, t0), t0 + 40 * 60_000)).toBeNull();
  });
});
