import type { Attempt } from "@loopwright/schema";
import { useCallback, useState } from "react";
import { useNavigate } from "react-router";
import { practiceApi } from "../api";
import { ensurePractitionerKey } from "./identity";

export function attemptPath(id: string): string {
  return `/practice/attempts/${encodeURIComponent(id)}`;
}

/**
 * Starts an attempt (or a loop) and opens it. `busy` names the action in
 * progress so only its button shows "Starting…"; `error` carries the server's message.
 */
export function useStartAttempt() {
  const navigate = useNavigate();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<{ action: string; error: Error } | null>(null);

  const start = useCallback(
    async (action: string, create: (key: string) => Promise<Attempt>) => {
      setBusy(action);
      setError(null);
      try {
        const key = await ensurePractitionerKey(() => practiceApi.createPractitioner());
        const attempt = await create(key);
        navigate(attemptPath(attempt.id));
      } catch (cause) {
        setError({ action, error: cause instanceof Error ? cause : new Error(String(cause)) });
        setBusy(null);
      }
    },
    [navigate],
  );

  return { busy, error, start };
}
