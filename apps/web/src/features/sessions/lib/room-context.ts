import type { Question, RoomView } from "@loopwright/schema";
import { createContext, useCallback, useContext, useEffect, useRef, useState } from "react";
import type { IntentDraft, IntentResult, RoomClient, RoomClientState } from "./room-client";

export interface RoomContextValue {
  sessionId: string;
  credential: string;
  client: RoomClient;
  state: RoomClientState;
  view: RoomView;
  /** The bank's question, once this role may fetch it (interviewers at once; others after the reveal). */
  question: Question | null;
}

export const RoomContext = createContext<RoomContextValue | null>(null);

export function useRoomContext(): RoomContextValue {
  const value = useContext(RoomContext);
  if (!value) throw new Error("useRoomContext is used outside a session room");
  return value;
}

/**
 * Runs one intent at a time for a control: `busy` while it waits for the
 * server's ack (or for the connection to come back), `error` with the
 * server's message when it is refused.
 */
export function useIntent() {
  const { client } = useRoomContext();
  const [busy, setBusy] = useState<IntentDraft["type"] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const run = useCallback(
    async (draft: IntentDraft): Promise<IntentResult> => {
      setBusy(draft.type);
      setError(null);
      const result = await client.send(draft).done;
      if (mounted.current) {
        setBusy(null);
        if (!result.ok) setError(result.message);
      }
      return result;
    },
    [client],
  );
  return { run, busy, error, clearError: useCallback(() => setError(null), []) };
}
