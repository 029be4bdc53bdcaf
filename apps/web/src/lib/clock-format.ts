/**
 * How every clock in the app reads out time: one format, "4:05" (and "1:02:03"
 * past an hour), for practice and mock-interview sessions alike.
 * Pure functions, so they are unit-tested without a browser.
 */

import { formatCount } from "./format";

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * "4:05", "12:40", or "1:02:03" past an hour; never negative. Countdowns round
 * up (a phase shows 0:01 until it is really over); elapsed times round down.
 */
export function formatClock(ms: number, rounding: "down" | "up" = "down"): string {
  const totalSeconds = Math.max(0, rounding === "up" ? Math.ceil(ms / 1000) : Math.floor(ms / 1000));
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  return hours > 0 ? `${hours}:${pad(minutes)}:${pad(seconds)}` : `${minutes}:${pad(seconds)}`;
}

/** "+2:13 over". */
export function formatOver(ms: number): string {
  return `+${formatClock(ms)} over`;
}

/** A duration for reading aloud or in prose: "20 minutes", "1 minute 30 seconds", "45 seconds". */
export function spokenDuration(ms: number): string {
  const totalSeconds = Math.max(0, Math.round(ms / 1000));
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  if (minutes === 0) return formatCount(seconds, "second");
  return seconds === 0
    ? formatCount(minutes, "minute")
    : `${formatCount(minutes, "minute")} ${formatCount(seconds, "second")}`;
}
