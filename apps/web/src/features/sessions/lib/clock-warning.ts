import { type ClockState, clockView } from "@loopwright/clock";
import { formatClock, spokenDuration } from "../../../lib/clock-format";

/** Where a still-running interview stands, for the warning before scoring or releasing early. */
export interface TimeLeft {
  /** "0:22 of 40:00" */
  reading: string;
  /** "39 minutes 38 seconds" */
  left: string;
  paused: boolean;
}

/**
 * How much of the interview is left, or null when warning would be noise: the clock never
 * started (nothing is being cut short) or it has ended (stopped, or every planned minute used).
 */
export function timeLeft(clock: ClockState, now: number): TimeLeft | null {
  const view = clockView(clock, now);
  if (!view.started || view.stopped) return null;
  const leftMs = view.totalPlannedMs - view.elapsedMs;
  if (leftMs <= 0) return null;
  return {
    reading: `${formatClock(view.elapsedMs)} of ${formatClock(view.totalPlannedMs)}`,
    left: spokenDuration(leftMs),
    paused: view.paused,
  };
}

/** The sentence a warning opens with: "The clock is still running: 0:22 of 40:00, 39 minutes 38 seconds left." */
export function timeLeftSentence(left: TimeLeft): string {
  return `The clock is ${left.paused ? "paused, not finished" : "still running"}: ${left.reading}, with ${left.left} of the interview left.`;
}
