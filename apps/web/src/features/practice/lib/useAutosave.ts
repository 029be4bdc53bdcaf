import { useEffect, useState, useSyncExternalStore } from "react";
import { practiceApi } from "../api";
import { type AnswerDraft, AutosaveQueue, type AutosaveSnapshot, type DraftStorage } from "./autosave";
import { defaultStorage } from "./identity";

export function draftStorage(): DraftStorage {
  return defaultStorage();
}

/**
 * Wires an AutosaveQueue to the browser: connection events, leaving the page
 * with unsynced text, and the tab being hidden (a phone switching apps).
 */
export function useAutosave(
  practitionerKey: string,
  attemptId: string,
  server: AnswerDraft,
): { queue: AutosaveQueue; snapshot: AutosaveSnapshot } {
  const [queue] = useState(
    () =>
      new AutosaveQueue({
        attemptId,
        server,
        storage: draftStorage(),
        send: (draft) => practiceApi.saveAnswer(practitionerKey, attemptId, draft),
        isOnline: () => navigator.onLine,
      }),
  );

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
  }, [queue]);

  const snapshot = useSyncExternalStore(queue.subscribe, queue.getSnapshot, queue.getSnapshot);
  return { queue, snapshot };
}
