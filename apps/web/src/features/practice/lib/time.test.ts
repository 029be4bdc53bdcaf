// @vitest-environment node
import { clockView, createClock, pauseClock, startClock, stopClock } from "@loopwright/clock";
import { describe, expect, it } from "vitest";
import { phaseAnnouncement, phaseSpent, timerDisplay } from "./time";

const MIN = 60_000;
const phases = [
  { id: "clarify", name: "Clarify", durationMs: 5 * MIN },
  { id: "propose", name: "Propose", durationMs: 20 * MIN },
  { id: "trade-offs", name: "Trade-offs", durationMs: 10 * MIN },
];
const T0 = 1_700_000_000_000;
const started = startClock(createClock(phases), T0);

describe("phase time", () => {
  it("describes time spent against plan", () => {
    expect(phaseSpent(270_000, 300_000)).toBe("04:30 of 05:00");
  });
});

describe("the timer display", () => {
  it("counts down the current phase while running", () => {
    const d = timerDisplay(clockView(started, T0 + 7 * MIN));
    expect(d).toMatchObject({
      main: "18:00",
      mainLabel: "left in this phase",
      tone: "running",
      phaseLabel: "Phase 2 of 3",
      phaseName: "Propose",
      elapsed: "07:00",
      planned: "35:00",
      over: null,
      timeUp: false,
    });
  });

  it("warns near the end of the last phase", () => {
    const d = timerDisplay(clockView(started, T0 + 33 * MIN));
    expect(d.tone).toBe("ending");
    expect(d.mainLabel).toBe("left in the last phase");
  });

  it("keeps counting past the plan and shows the overrun instead of stopping", () => {
    const d = timerDisplay(clockView(started, T0 + 37 * MIN + 13_000));
    expect(d).toMatchObject({ main: "+02:13 over", over: "+02:13 over", tone: "over", timeUp: true });
    expect(d.elapsed).toBe("37:13");
  });

  it("shows a pause and a stop", () => {
    expect(timerDisplay(clockView(pauseClock(started, T0 + MIN), T0 + 9 * MIN)).tone).toBe("paused");
    const stopped = timerDisplay(clockView(stopClock(started, T0 + 40 * MIN), T0 + 99 * MIN));
    expect(stopped).toMatchObject({ tone: "stopped", elapsed: "40:00", over: "+05:00 over" });
  });

  it("shows the first phase before the clock starts", () => {
    const d = timerDisplay(clockView(createClock(phases), T0));
    expect(d).toMatchObject({ tone: "idle", main: "05:00", phaseName: "Clarify", timeUp: false });
  });

  it("announces a phase with its planned length", () => {
    expect(phaseAnnouncement(clockView(started, T0 + 6 * MIN))).toBe(
      "Phase 2 of 3: Propose. 20 minutes planned.",
    );
    expect(phaseAnnouncement(clockView(started, T0 + 26 * MIN))).toBe(
      "Phase 3 of 3, the last: Trade-offs. 10 minutes planned.",
    );
  });
});
