import { useEffect, useState } from "react";

/** The current time (plus `offsetMs`), re-read every `intervalMs`; only the calling component re-renders. */
export function useNow(intervalMs: number, offsetMs = 0): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now + offsetMs;
}
