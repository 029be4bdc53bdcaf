import { useEffect, useState, useSyncExternalStore } from "react";
import type { AutosaveQueue, AutosaveSnapshot } from "./autosave-queue";

export interface UseAutosaveOptions {
  /** Ask before the page is left with changes the server does not have yet. */
  warnBeforeLeaving?: boolean;
}

/**
 * Wires an AutosaveQueue to the browser: connection events, the tab being
 * hidden (a phone switching apps), leaving the page, and the component going
 * away. `create` runs once, on first render.
 */
export function useAutosave<T>(
  create: () => AutosaveQueue<T>,
  { warnBeforeLeaving = false }: UseAutosaveOptions = {},
): { queue: AutosaveQueue<T>; snapshot: AutosaveSnapshot<T> } {
  const [queue] = useState(create);

  useEffect(() => {
    queue.start();
    const onOnline = () => queue.online();
    const onOffline = () => queue.offline();
    const onVisibility = () => {
      if (document.visibilityState === "hidden") queue.flush();
    };
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!queue.hasUnsynced) return;
      queue.flush();
      if (!warnBeforeLeaving) return;
      event.preventDefault();
      // Older browsers show the prompt only when returnValue is set.
      event.returnValue = "";
    };
    window.addEventListener("online", onOnline);
    window.addEventListener("offline", onOffline);
    document.addEventListener("visibilitychange", onVisibility);
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => {
      window.removeEventListener("online", onOnline);
      window.removeEventListener("offline", onOffline);
      document.removeEventListener("visibilitychange", onVisibility);
      window.removeEventListener("beforeunload", onBeforeUnload);
      // Leaving the page inside the app: send what is pending now rather than at the next visit.
      queue.flush();
      queue.stop();
    };
  }, [queue, warnBeforeLeaving]);

  const snapshot = useSyncExternalStore(queue.subscribe, queue.getSnapshot, queue.getSnapshot);
  return { queue, snapshot };
}
