import { formatClock } from "../../../lib/clock-format";

/**
 * Phase durations as the practice history and review show them. Clock readouts are in
 * lib/clock-format, dates and times of day in lib/datetime, the live timer in lib/phase-timer.
 */

/** "4:30 of 5:00" for a phase in history and review. */
export function phaseSpent(spentMs: number, plannedMs: number): string {
  return `${formatClock(spentMs)} of ${formatClock(plannedMs)}`;
}
