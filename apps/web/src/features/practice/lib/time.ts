import type { ClockView } from "@loopwright/clock";
import { formatClock, formatOver, spokenDuration } from "../../../lib/clock-format";

/**
 * Time as the practice screens show it. Pure functions, so they are unit-tested without a browser.
 * The clock readouts themselves (formatClock, spokenDuration…) are shared, in lib/clock-format.
 */

export type TimerTone = "idle" | "running" | "paused" | "ending" | "over" | "stopped";

export interface TimerDisplay {
  /** The big number: time left in the phase, or the overrun once the plan is used up. */
  main: string;
  mainLabel: string;
  tone: TimerTone;
  phaseLabel: string;
  phaseName: string;
  elapsed: string;
  planned: string;
  /** "+02:13 over" while running over, else null. */
  over: string | null;
  /** The whole planned time has been used. */
  timeUp: boolean;
}

/** Last 20 % of the final phase (at least 30 s at real speed), shown in the warning tone. */
const ENDING_FRACTION = 0.2;

export function timerDisplay(view: ClockView): TimerDisplay {
  const count = view.phases.length;
  const index = Math.max(0, view.currentPhaseIndex);
  const phase = view.phases[index];
  const phaseName = phase?.name ?? "";
  const phaseLabel = `Phase ${index + 1} of ${count}`;
  const elapsed = formatClock(view.elapsedMs);
  const planned = formatClock(view.totalPlannedMs);
  const timeUp = view.started && view.elapsedMs >= view.totalPlannedMs;
  const over = view.isOverTime ? formatOver(view.overrunMs) : null;

  if (!view.started) {
    return {
      main: formatClock(view.phases[0]?.plannedMs ?? 0, "up"),
      mainLabel: "first phase",
      tone: "idle",
      phaseLabel: `Phase 1 of ${count}`,
      phaseName: view.phases[0]?.name ?? "",
      elapsed,
      planned,
      over: null,
      timeUp: false,
    };
  }

  let tone: TimerTone;
  if (view.stopped) tone = "stopped";
  else if (view.paused) tone = "paused";
  else if (view.isOverTime) tone = "over";
  else if (
    index === count - 1 &&
    phase &&
    phase.plannedMs > 0 &&
    view.phaseRemainingMs <= phase.plannedMs * ENDING_FRACTION
  )
    tone = "ending";
  else tone = "running";

  if (view.isOverTime) {
    return {
      main: over as string,
      mainLabel: "past the planned time",
      tone,
      phaseLabel,
      phaseName,
      elapsed,
      planned,
      over,
      timeUp,
    };
  }
  return {
    main: formatClock(view.phaseRemainingMs, "up"),
    mainLabel: index === count - 1 ? "left in the last phase" : "left in this phase",
    tone,
    phaseLabel,
    phaseName,
    elapsed,
    planned,
    over,
    timeUp,
  };
}

/** What a screen reader hears when a new phase begins. */
export function phaseAnnouncement(view: ClockView): string {
  const phase = view.phases[view.currentPhaseIndex];
  if (!phase) return "";
  const last = view.currentPhaseIndex === view.phases.length - 1;
  return `Phase ${phase.index + 1} of ${view.phases.length}${last ? ", the last" : ""}: ${phase.name}. ${spokenDuration(phase.plannedMs)} planned.`;
}

/** "4:30 of 5:00" for a phase in history and review. */
export function phaseSpent(spentMs: number, plannedMs: number): string {
  return `${formatClock(spentMs)} of ${formatClock(plannedMs)}`;
}

const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric" });
const dateTimeFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});

export function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateFormat.format(date);
}

export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTimeFormat.format(date);
}
