/**
 * How the clocks read out time, shared by practice and mock-interview sessions.
 * Pure functions, so they are unit-tested without a browser.
 */

const pad = (n: number) => String(n).padStart(2, "0");

/** Whole seconds of `totalSeconds` as "m:ss" (or "mm:ss" with `padMinutes`), and "h:mm:ss" past an hour. */
function clockText(totalSeconds: number, padMinutes: boolean): string {
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  if (hours > 0) return `${hours}:${pad(minutes)}:${pad(seconds)}`;
  return `${padMinutes ? pad(minutes) : minutes}:${pad(seconds)}`;
}

/**
 * "04:05", or "1:02:03" past an hour. Countdowns round up (a phase shows 00:01
 * until it is really over); elapsed times round down.
 */
export function formatClock(ms: number, rounding: "down" | "up" = "down"): string {
  const totalSeconds = Math.max(0, rounding === "up" ? Math.ceil(ms / 1000) : Math.floor(ms / 1000));
  return clockText(totalSeconds, true);
}

/** "+02:13 over". */
export function formatOver(ms: number): string {
  return `+${formatClock(ms)} over`;
}

/** Elapsed time as a stopwatch reads it: "4:05", "12:40", "1:02:03". Never negative. */
export function formatStamp(ms: number): string {
  return clockText(Math.max(0, Math.floor(ms / 1000)), false);
}

/** A countdown that can run past zero: "3:20", "−0:45". */
export function formatRemaining(ms: number): string {
  return ms < 0 ? `−${formatStamp(-ms + 999)}` : formatStamp(ms + 999);
}

/** A duration for reading aloud or in prose: "20 minutes", "1 minute 30 seconds", "45 seconds". */
export function spokenDuration(ms: number): string {
  const totalSeconds = Math.max(0, Math.round(ms / 1000));
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  if (minutes === 0) return unit(seconds, "second");
  return seconds === 0 ? unit(minutes, "minute") : `${unit(minutes, "minute")} ${unit(seconds, "second")}`;
}
