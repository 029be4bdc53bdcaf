export interface BackoffOptions {
  /** Delay ceiling of the first retry. */
  baseMs: number;
  /** No retry waits longer than this. */
  maxMs: number;
  /**
   * "equal" (the default) draws the delay from the upper half of the ceiling,
   * so clients that dropped together spread out without any retrying at once;
   * "none" waits the ceiling itself, for a single caller with nobody to collide with.
   */
  jitter?: "equal" | "none";
}

/**
 * Exponential backoff: the ceiling doubles per attempt up to `maxMs`.
 * `attempt` counts from 0; `random` is in [0, 1) and only read with equal jitter.
 */
export function backoffDelay(attempt: number, options: BackoffOptions, random = Math.random()): number {
  const exponent = Math.max(0, Math.min(attempt, 30));
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** exponent);
  if (options.jitter === "none") return ceiling;
  const r = Math.min(Math.max(random, 0), 1);
  return Math.round(ceiling / 2 + (ceiling / 2) * r);
}
