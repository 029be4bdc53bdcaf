import { useEffect, useRef } from "react";

/**
 * Calls `callback` every `ms` while enabled and the page is visible: for
 * polling, which a hidden tab would waste. (To re-render a clock, use useNow.)
 */
export function useInterval(callback: () => void, ms: number, { enabled = true } = {}): void {
  const ref = useRef(callback);
  ref.current = callback;
  useEffect(() => {
    if (!enabled) return;
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") ref.current();
    }, ms);
    return () => clearInterval(timer);
  }, [ms, enabled]);
}
