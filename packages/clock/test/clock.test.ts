import { describe, expect, it } from "vitest";
import {
  advancePhase,
  ClockError,
  type ClockState,
  clockView,
  createClock,
  extendPhase,
  pauseClock,
  resumeClock,
  scalePhases,
  startClock,
  stopClock,
} from "../src/index.js";

const MIN = 60_000;
const T0 = 1_700_000_000_000;
const plan = [
  { id: "clarify", name: "Clarify", durationMs: 5 * MIN },
  { id: "propose", name: "Propose", durationMs: 20 * MIN },
  { id: "tradeoffs", name: "Trade-offs", durationMs: 10 * MIN },
];
const started = (): ClockState => startClock(createClock(plan), T0);

describe("clockView before start", () => {
  it("shows nothing elapsed and every phase upcoming", () => {
    const view = clockView(createClock(plan), T0 + 10 * MIN);
    expect(view.started).toBe(false);
    expect(view.elapsedMs).toBe(0);
    expect(view.currentPhaseIndex).toBe(-1);
    expect(view.totalPlannedMs).toBe(35 * MIN);
    expect(view.phases.map((p) => p.state)).toEqual(["upcoming", "upcoming", "upcoming"]);
  });
});

describe("phase boundaries", () => {
  it("is in the first phase until its last millisecond", () => {
    const view = clockView(started(), T0 + 5 * MIN - 1);
    expect(view.currentPhaseIndex).toBe(0);
    expect(view.phaseRemainingMs).toBe(1);
  });

  it("moves to the next phase exactly at the boundary", () => {
    const view = clockView(started(), T0 + 5 * MIN);
    expect(view.currentPhaseIndex).toBe(1);
    expect(view.phaseElapsedMs).toBe(0);
    expect(view.phases[0]).toMatchObject({ state: "done", spentMs: 5 * MIN, endMs: 5 * MIN });
    expect(view.phases[1]).toMatchObject({ state: "current", startMs: 5 * MIN });
  });

  it("reports phase and overall progress", () => {
    const view = clockView(started(), T0 + 15 * MIN);
    expect(view.phaseProgress).toBeCloseTo(0.5, 10);
    expect(view.overallProgress).toBeCloseTo(15 / 35, 10);
  });

  it("clamps a clock read before its start to zero", () => {
    expect(clockView(started(), T0 - 5000).elapsedMs).toBe(0);
  });
});

describe("overrun", () => {
  it("never cuts off: the last phase keeps counting and the overrun is measured", () => {
    const view = clockView(started(), T0 + 42 * MIN);
    expect(view.currentPhaseIndex).toBe(2);
    expect(view.overrunMs).toBe(7 * MIN);
    expect(view.isOverTime).toBe(true);
    expect(view.phaseRemainingMs).toBe(-7 * MIN);
    expect(view.phases[2]).toMatchObject({ spentMs: 17 * MIN, overrunMs: 7 * MIN });
    expect(view.overallProgress).toBe(1);
  });

  it("is not over time at the exact planned end", () => {
    const view = clockView(started(), T0 + 35 * MIN);
    expect(view.overrunMs).toBe(0);
    expect(view.isOverTime).toBe(false);
  });
});

describe("pauses", () => {
  it("freezes elapsed time while paused", () => {
    const paused = pauseClock(started(), T0 + 3 * MIN);
    expect(clockView(paused, T0 + 3 * MIN).elapsedMs).toBe(3 * MIN);
    expect(clockView(paused, T0 + 60 * MIN).elapsedMs).toBe(3 * MIN);
    expect(clockView(paused, T0 + 60 * MIN).paused).toBe(true);
  });

  it("subtracts every completed pause", () => {
    let s = started();
    s = pauseClock(s, T0 + 1 * MIN);
    s = resumeClock(s, T0 + 4 * MIN); // 3 minutes paused
    s = pauseClock(s, T0 + 6 * MIN);
    s = resumeClock(s, T0 + 8 * MIN); // 2 more
    expect(s.pausedMs).toBe(5 * MIN);
    const view = clockView(s, T0 + 10 * MIN);
    expect(view.elapsedMs).toBe(5 * MIN);
    expect(view.currentPhaseIndex).toBe(1);
  });

  it("holds a phase boundary while paused on it", () => {
    let s = pauseClock(started(), T0 + 5 * MIN - 1);
    expect(clockView(s, T0 + 20 * MIN).currentPhaseIndex).toBe(0);
    s = resumeClock(s, T0 + 20 * MIN);
    expect(clockView(s, T0 + 20 * MIN + 1).currentPhaseIndex).toBe(1);
  });

  it("freezes at the pause when stopped while paused", () => {
    let s = pauseClock(started(), T0 + 7 * MIN);
    s = stopClock(s, T0 + 30 * MIN);
    const view = clockView(s, T0 + 90 * MIN);
    expect(view.elapsedMs).toBe(7 * MIN);
    expect(view.stopped).toBe(true);
  });
});

describe("advancing early", () => {
  it("ends the current phase now and starts the next with its full duration", () => {
    const s = advancePhase(started(), T0 + 2 * MIN);
    expect(s.advances).toEqual([2 * MIN]);
    const view = clockView(s, T0 + 12 * MIN);
    expect(view.currentPhaseIndex).toBe(1);
    expect(view.phases[0]).toMatchObject({ spentMs: 2 * MIN, state: "done" });
    expect(view.phaseElapsedMs).toBe(10 * MIN);
    expect(clockView(s, T0 + 22 * MIN).currentPhaseIndex).toBe(2);
  });

  it("records time per phase for history", () => {
    let s = advancePhase(started(), T0 + 2 * MIN);
    s = advancePhase(s, T0 + 10 * MIN);
    s = stopClock(s, T0 + 14 * MIN);
    expect(clockView(s, T0 + 99 * MIN).phases.map((p) => p.spentMs)).toEqual([2 * MIN, 8 * MIN, 4 * MIN]);
  });

  it("refuses to advance past the last phase", () => {
    const s = started();
    expect(() => advancePhase(s, T0 + 31 * MIN)).toThrow(/last phase/);
  });
});

describe("extensions", () => {
  it("lengthens the current phase and the planned total", () => {
    const s = extendPhase(started(), 0, 2 * MIN);
    const view = clockView(s, T0 + 6 * MIN);
    expect(view.currentPhaseIndex).toBe(0);
    expect(view.phaseRemainingMs).toBe(1 * MIN);
    expect(view.totalPlannedMs).toBe(37 * MIN);
  });

  it("pushes back the overrun of the last phase", () => {
    const s = extendPhase(started(), 2, 5 * MIN);
    expect(clockView(s, T0 + 42 * MIN).overrunMs).toBe(2 * MIN);
  });

  it("rejects a phase that does not exist and a non-positive amount", () => {
    expect(() => extendPhase(started(), 3, MIN)).toThrow(/no phase 4/);
    expect(() => extendPhase(started(), 0, 0)).toThrow(/positive/);
  });
});

describe("invalid transitions", () => {
  it("throw ClockError with a readable reason", () => {
    const fresh = createClock(plan);
    expect(() => pauseClock(fresh, T0)).toThrow(ClockError);
    expect(() => pauseClock(fresh, T0)).toThrow("cannot pause: the clock has not started");
    expect(() => startClock(started(), T0)).toThrow("already started");
    expect(() => resumeClock(started(), T0)).toThrow("not paused");
    expect(() => pauseClock(pauseClock(started(), T0 + 1), T0 + 2)).toThrow("already paused");
    const stopped = stopClock(started(), T0 + MIN);
    expect(() => pauseClock(stopped, T0 + 2 * MIN)).toThrow("already stopped");
    expect(() => stopClock(stopped, T0 + 2 * MIN)).toThrow("already stopped");
  });

  it("refuses a clock without phases or with an empty phase", () => {
    expect(() => createClock([])).toThrow(/at least one phase/);
    expect(() => createClock([{ id: "x", name: "X", durationMs: 0 }])).toThrow(/positive duration/);
  });
});

describe("scalePhases", () => {
  it("multiplies durations, rounding to whole milliseconds and never below 1", () => {
    const scaled = scalePhases(plan, 0.001);
    expect(scaled.map((p) => p.durationMs)).toEqual([300, 1200, 600]);
    expect(scalePhases([{ id: "a", name: "A", durationMs: 10 }], 0.0001)[0]?.durationMs).toBe(1);
    expect(() => scalePhases(plan, 0)).toThrow(/positive/);
    expect(() => scalePhases(plan, Number.NaN)).toThrow(/positive/);
  });
});
