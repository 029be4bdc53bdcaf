import type { ClockView } from "@loopwright/clock";
import { formatClock, formatOver, spokenDuration } from "./clock-format";
import { formatCount } from "./format";

/**
 * What the phased timer (ui/PhaseTimer) shows, derived from a clock view alone.
 * Pure, so practice and sessions share one tested reading of the clock.
 */

export type TimerTone = "idle" | "running" | "paused" | "ending" | "over" | "stopped";

export const TONE_LABEL: Record<TimerTone, string> = {
  idle: "Not started",
  running: "Running",
  paused: "Paused",
  ending: "Running",
  over: "Over time",
  stopped: "Stopped",
};

export interface TimerDisplay {
  /** The big number: time left in the phase, the overrun once the plan is used up, or the plan before the start. */
  main: string;
  mainLabel: string;
  tone: TimerTone;
  phaseLabel: string;
  phaseName: string;
  elapsed: string;
  planned: string;
  /** "+2:13 over" while running over, else null. */
  over: string | null;
  /** The whole planned time has been used. */
  timeUp: boolean;
}

/** Last 20 % of the final phase, shown in the warning tone. */
const ENDING_FRACTION = 0.2;

function toneOf(view: ClockView): TimerTone {
  if (!view.started) return "idle";
  if (view.stopped) return "stopped";
  if (view.paused) return "paused";
  if (view.isOverTime) return "over";
  const last = view.phases.length - 1;
  const phase = view.phases[view.currentPhaseIndex];
  if (
    view.currentPhaseIndex === last &&
    phase &&
    phase.plannedMs > 0 &&
    view.phaseRemainingMs <= phase.plannedMs * ENDING_FRACTION
  )
    return "ending";
  return "running";
}

/** `waitingLabel` stands in for the phase name until the clock starts ("Waiting for the host to start"). */
export function timerDisplay(view: ClockView, waitingLabel?: string): TimerDisplay {
  const count = view.phases.length;
  const index = Math.max(0, view.currentPhaseIndex);
  const phase = view.phases[index];
  const isLast = index === count - 1;
  const common = {
    tone: toneOf(view),
    elapsed: formatClock(view.elapsedMs),
    planned: formatClock(view.totalPlannedMs),
  };

  if (!view.started) {
    return {
      ...common,
      main: formatClock(view.totalPlannedMs),
      mainLabel: "planned in total",
      phaseLabel: formatCount(count, "phase"),
      phaseName: waitingLabel ?? view.phases[0]?.name ?? "",
      over: null,
      timeUp: false,
    };
  }

  const over = view.isOverTime ? formatOver(view.overrunMs) : null;
  return {
    ...common,
    main: over ?? formatClock(view.phaseRemainingMs, "up"),
    mainLabel: over ? "past the planned time" : isLast ? "left in the last phase" : "left in this phase",
    phaseLabel: `Phase ${index + 1} of ${count}`,
    phaseName: phase?.name ?? "",
    over,
    timeUp: view.elapsedMs >= view.totalPlannedMs,
  };
}

/** The progress bar read aloud: "Phase 2 of 3, Propose: 12 minutes left". */
export function progressText(view: ClockView): string {
  const phase = view.phases[view.currentPhaseIndex];
  if (!view.started || !phase) return TONE_LABEL.idle;
  const where = `Phase ${phase.index + 1} of ${view.phases.length}, ${phase.name}`;
  return view.isOverTime
    ? `${where}: ${spokenDuration(view.overrunMs)} over`
    : `${where}: ${spokenDuration(Math.max(0, view.phaseRemainingMs))} left`;
}

/** What a screen reader hears when a new phase begins. */
export function phaseAnnouncement(view: ClockView): string {
  const phase = view.phases[view.currentPhaseIndex];
  if (!phase) return "";
  const last = view.currentPhaseIndex === view.phases.length - 1;
  return `Phase ${phase.index + 1} of ${view.phases.length}${last ? ", the last" : ""}: ${phase.name}. ${spokenDuration(phase.plannedMs)} planned.`;
}

export const TIME_UP_ANNOUNCEMENT = "The planned time is up. The clock keeps counting.";

export function pauseAnnouncement(paused: boolean): string {
  return paused ? "Clock paused." : "Clock running again.";
}
