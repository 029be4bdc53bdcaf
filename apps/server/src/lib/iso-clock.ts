/** Timestamps as storage keeps them: ISO strings, `offsetMs` from now (e.g. an expiry). */
export type IsoClock = (offsetMs?: number) => string;

export function isoClock(now: () => number): IsoClock {
  return (offsetMs = 0) => new Date(now() + offsetMs).toISOString();
}
