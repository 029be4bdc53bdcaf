import { useEffect, useState } from "react";

/**
 * The current time, refreshed every `intervalMs` while `ticking`. The clock
 * itself never ticks; this only decides how often the screen re-derives it.
 */
export function useNow(ticking: boolean, intervalMs = 250): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    setNow(Date.now());
    if (!ticking) return;
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [ticking, intervalMs]);
  return now;
}
