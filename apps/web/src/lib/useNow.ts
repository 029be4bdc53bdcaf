import { useEffect, useState } from "react";

export interface NowOptions {
  /** How often the calling component re-renders. */
  intervalMs?: number;
  /** False stops re-rendering (a paused or stopped clock has nothing new to show). */
  ticking?: boolean;
  /** Added to the local time, e.g. to estimate the server's clock. */
  offsetMs?: number;
}

/**
 * The current time, re-read every `intervalMs` while `ticking`. Clocks never
 * tick themselves; this only decides how often a screen re-derives them, and
 * only the calling component re-renders.
 */
export function useNow({ intervalMs = 250, ticking = true, offsetMs = 0 }: NowOptions = {}): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    // Starting or stopping shows the time as it is at that moment, not as of the last tick.
    setNow(Date.now());
    if (!ticking) return;
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [ticking, intervalMs]);
  return now + offsetMs;
}
