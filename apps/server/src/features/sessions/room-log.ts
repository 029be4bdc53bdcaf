import { loadRoomState, type RoomState } from "@loopwright/schema";
import type { PeerSessionRepository } from "../../storage/store.js";
import { applyRoomStateDiff, type RoomStateDiff } from "./room-diff.js";

/** A snapshot of the full room state is kept every this many changes, so loads and replays stay bounded. */
export const SNAPSHOT_EVERY = 100;

/**
 * The room state at `seq`, rebuilt from the snapshot taken at `from` (already
 * loaded) and the changes after it. Null when the log cannot reach `seq`
 * exactly (a session from before the log kept changes): the caller falls back
 * to a fresh snapshot view.
 */
export async function stateAt(
  repo: PeerSessionRepository,
  sessionId: string,
  from: { seq: number; state: unknown },
  seq: number,
): Promise<RoomState | null> {
  let state = loadRoomState(from.state);
  if (seq === from.seq) return state;
  const changes = await repo.changesAfter(sessionId, from.seq, seq - from.seq);
  if (changes.length !== seq - from.seq || changes.at(-1)?.seq !== seq) return null;
  for (const change of changes) state = applyRoomStateDiff(state, change.diff as RoomStateDiff);
  return state;
}

/** The state at `seq` from the nearest snapshot at or before it. */
export async function pastState(
  repo: PeerSessionRepository,
  sessionId: string,
  seq: number,
): Promise<RoomState | null> {
  const snapshot = await repo.snapshotAtOrBefore(sessionId, seq);
  return snapshot ? stateAt(repo, sessionId, snapshot, seq) : null;
}
