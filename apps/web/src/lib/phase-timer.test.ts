// @vitest-environment node
import { clockView, createClock, pauseClock, startClock, stopClock } from "@loopwright/clock";
import { describe, expect, it } from "vitest";
import { phaseAnnouncement, progressText, timerDisplay } from "./phase-timer";

const MIN = 60_000;
const phases = [
  { id: "clarify", name: "Clarify", durationMs: 5 * MIN },
  { id: "propose", name: "Propose", durationMs: 20 * MIN },
  { id: "trade-offs", name: "Trade-offs", durationMs: 10 * MIN },
];
const T0 = 1_700_000_000_000;
const started = startClock(createClock(phases), T0);

describe("the timer display", () => {
  it("counts down the current phase while running", () => {
    const d = timerDisplay(clockView(started, T0 + 7 * MIN));
    expect(d).toMatchObject({
      main: "18:00",
      mainLabel: "left in this phase",
      tone: "running",
      phaseLabel: "Phase 2 of 3",
      phaseName: "Propose",
      elapsed: "7:00",
      planned: "35:00",
      over: null,
      timeUp: false,
    });
  });

  it("rounds the countdown up, so it reads 0:01 until the phase is really over", () => {
    expect(timerDisplay(clockView(started, T0 + 5 * MIN - 1)).main).toBe("0:01");
  });

  it("warns near the end of the last phase", () => {
    const d = timerDisplay(clockView(started, T0 + 33 * MIN));
    expect(d.tone).toBe("ending");
    expect(d.mainLabel).toBe("left in the last phase");
  });

  it("keeps counting past the plan and shows the overrun instead of stopping", () => {
    const d = timerDisplay(clockView(started, T0 + 37 * MIN + 13_000));
    expect(d).toMatchObject({ main: "+2:13 over", over: "+2:13 over", tone: "over", timeUp: true });
    expect(d.elapsed).toBe("37:13");
  });

  it("shows a pause and a stop", () => {
    expect(timerDisplay(clockView(pauseClock(started, T0 + MIN), T0 + 9 * MIN)).tone).toBe("paused");
    const stopped = timerDisplay(clockView(stopClock(started, T0 + 40 * MIN), T0 + 99 * MIN));
    expect(stopped).toMatchObject({ tone: "stopped", elapsed: "40:00", over: "+5:00 over" });
  });

  it("shows the whole plan before the clock starts, with what the room is waiting for", () => {
    const idle = clockView(createClock(phases), T0);
    expect(timerDisplay(idle)).toMatchObject({
      tone: "idle",
      main: "35:00",
      mainLabel: "planned in total",
      phaseLabel: "3 phases",
      phaseName: "Clarify",
      timeUp: false,
    });
    expect(timerDisplay(idle, "Waiting for the host to start").phaseName).toBe(
      "Waiting for the host to start",
    );
  });

  it("reads the one-phase plan in the singular", () => {
    const one = clockView(createClock([{ id: "all", name: "All", durationMs: MIN }]), T0);
    expect(timerDisplay(one).phaseLabel).toBe("1 phase");
  });
});

describe("what the timer says aloud", () => {
  it("announces a phase with its planned length", () => {
    expect(phaseAnnouncement(clockView(started, T0 + 6 * MIN))).toBe(
      "Phase 2 of 3: Propose. 20 minutes planned.",
    );
    expect(phaseAnnouncement(clockView(started, T0 + 26 * MIN))).toBe(
      "Phase 3 of 3, the last: Trade-offs. 10 minutes planned.",
    );
  });

  it("reads the progress bar as words", () => {
    expect(progressText(clockView(createClock(phases), T0))).toBe("Not started");
    expect(progressText(clockView(started, T0 + 7 * MIN))).toBe("Phase 2 of 3, Propose: 18 minutes left");
    expect(progressText(clockView(started, T0 + 37 * MIN))).toBe("Phase 3 of 3, Trade-offs: 2 minutes over");
  });
});
