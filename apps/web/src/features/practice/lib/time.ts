import { formatClock } from "../../../lib/clock-format";

/**
 * Time as the practice history and review show it. The clock readouts are
 * shared, in lib/clock-format; the live timer's reading is in lib/phase-timer.
 */

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
