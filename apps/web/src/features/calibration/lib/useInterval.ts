import { useEffect, useRef } from "react";

/** Calls `callback` every `ms` while `enabled` and the page is visible. */
export function useInterval(callback: () => void, ms: number, enabled: boolean): void {
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
