import { useSyncExternalStore } from "react";

const QUERY = "(max-width: 36rem)";

/** True on phone-sized screens, where chart axes get narrower labels. */
export function useNarrow(): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const list = window.matchMedia(QUERY);
      list.addEventListener("change", onChange);
      return () => list.removeEventListener("change", onChange);
    },
    () => window.matchMedia(QUERY).matches,
    () => false,
  );
}
