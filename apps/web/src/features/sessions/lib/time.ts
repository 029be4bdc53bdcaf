/** Session-only time helpers; the clock readouts themselves are shared, in lib/clock-format. */

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
