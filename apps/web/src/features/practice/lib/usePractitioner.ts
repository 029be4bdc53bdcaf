import { useCallback, useEffect, useState, useSyncExternalStore } from "react";
import { practiceApi } from "../api";
import { ensurePractitionerKey, forgetKey, readStoredKey, subscribeToKey } from "./identity";

export type PractitionerState =
  | { status: "loading"; key: null; error: null }
  | { status: "ready"; key: string; error: null }
  | { status: "error"; key: null; error: Error };

/**
 * This browser's practitioner key; on first use, one is created on the server.
 * Re-renders when the key changes here or in another tab.
 */
export function usePractitioner(): PractitionerState & { retry: () => void } {
  const key = useSyncExternalStore(
    subscribeToKey,
    () => readStoredKey(),
    () => null,
  );
  const [error, setError] = useState<Error | null>(null);
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` re-runs the creation after a failure
  useEffect(() => {
    if (key) return;
    let live = true;
    setError(null);
    ensurePractitionerKey(() => practiceApi.createPractitioner()).catch((cause: unknown) => {
      if (live) setError(cause instanceof Error ? cause : new Error(String(cause)));
    });
    return () => {
      live = false;
    };
  }, [key, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  if (key) return { status: "ready", key, error: null, retry };
  if (error) return { status: "error", key: null, error, retry };
  return { status: "loading", key: null, error: null, retry };
}

/** Drops a key the server no longer knows; the next render creates a fresh one. */
export function startAfresh(): void {
  forgetKey();
}
