/** Why a save failed, and how long to wait before the next try. Pure, so it is unit-tested. */

export type FailureKind = "network" | "server" | "client";

export interface Failure {
  kind: FailureKind;
  message: string;
  /** The server's Retry-After: no retry sooner than this. */
  retryAfterMs?: number;
}

/**
 * Unreachable server → network; 5xx or 429 → server (worth retrying, no sooner
 * than its Retry-After); anything else → client (it will fail again).
 */
export function classifyFailure(error: unknown): Failure {
  const { status, retryAfterSeconds } = (error ?? {}) as { status?: unknown; retryAfterSeconds?: unknown };
  const message = error instanceof Error ? error.message : String(error);
  if (typeof status !== "number" || status === 0) return { kind: "network", message };
  if (status >= 500 || status === 429) {
    return typeof retryAfterSeconds === "number"
      ? { kind: "server", message, retryAfterMs: retryAfterSeconds * 1000 }
      : { kind: "server", message };
  }
  return { kind: "client", message };
}

/** An error the server gave a verdict on, so it is not retried (a refusal, not a lost connection). */
export function refusal(message: string): Error & { status: number } {
  return Object.assign(new Error(message), { status: 409 });
}

/** 1 s, 2 s, 4 s … capped at 30 s, with ±20 % jitter so many tabs do not retry in step. */
export function retryDelay(failures: number, random: () => number = Math.random): number {
  const base = Math.min(30_000, 1000 * 2 ** Math.max(0, failures - 1));
  return Math.round(base * (0.8 + 0.4 * random()));
}
