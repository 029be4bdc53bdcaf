/** Elapsed time as a stopwatch reads it: "4:05", "12:40", "1:02:03". Never negative. */
export function formatStamp(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const ss = String(seconds).padStart(2, "0");
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, "0")}:${ss}` : `${minutes}:${ss}`;
}

/** A countdown that can run past zero: "3:20", "−0:45". */
export function formatRemaining(ms: number): string {
  return ms < 0 ? `−${formatStamp(-ms + 999)}` : formatStamp(ms + 999);
}

/** For screen readers: "12 minutes 40 seconds", "45 seconds". */
export function spokenDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  const parts: string[] = [];
  if (minutes > 0) parts.push(`${minutes} ${minutes === 1 ? "minute" : "minutes"}`);
  if (seconds > 0 || minutes === 0) parts.push(`${seconds} ${seconds === 1 ? "second" : "seconds"}`);
  return parts.join(" ");
}

/** Whole minutes a session will plan for, after scaling the bank's phases. */
export function scaledMinutes(phaseMinutes: readonly number[], scale: number): number {
  const ms = phaseMinutes.reduce((sum, m) => sum + Math.max(1, Math.round(m * 60_000 * scale)), 0);
  return Math.round(ms / 60_000);
}

/** "12 min", or "40 s" for a phase shorter than a minute. */
export function shortMinutes(ms: number): string {
  if (ms < 60_000) return `${Math.round(ms / 1000)} s`;
  const minutes = ms / 60_000;
  return `${Number.isInteger(minutes) ? minutes : minutes.toFixed(1).replace(/\.0$/, "")} min`;
}
