import { useEffect, useState, useSyncExternalStore } from "react";
import { initialRoomState, RoomClient, type RoomClientState, roomSocketUrl } from "./room-client";

const IDLE: RoomClientState = initialRoomState();
const noop = () => () => {};

/** One live connection to a session for as long as the component is mounted. */
export function useRoom(
  sessionId: string,
  credential: string,
): { client: RoomClient | null; state: RoomClientState } {
  const [client, setClient] = useState<RoomClient | null>(null);

  useEffect(() => {
    const next = new RoomClient({ sessionId, credential, url: roomSocketUrl(window.location, sessionId) });
    setClient(next);
    next.start();
    return () => {
      next.dispose();
      setClient((current) => (current === next ? null : current));
    };
  }, [sessionId, credential]);

  const state = useSyncExternalStore(
    client ? client.subscribe : noop,
    client ? client.getSnapshot : () => IDLE,
  );
  return { client, state };
}
