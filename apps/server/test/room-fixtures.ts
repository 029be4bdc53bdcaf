import { createClock } from "@loopwright/clock";
import { ROOM_STATE_VERSION, type RoomState } from "@loopwright/schema";

/** A room as a new session starts it, with whatever a test needs changed. */
export function blankRoomState(overrides: Partial<RoomState> = {}): RoomState {
  return {
    version: ROOM_STATE_VERSION,
    sessionId: "s1",
    questionId: "q1",
    promptRevealed: false,
    clock: overrides.clock ?? createClock([{ id: "answer", name: "Answer", durationMs: 60_000 }]),
    curveballs: [],
    answer: { text: "", revision: 0 },
    notes: [],
    scores: [],
    selfScore: null,
    released: false,
    swappedTo: null,
    advancedTo: null,
    upcomingQuestionIds: [],
    sequence: { position: 1, total: 1 },
    ...overrides,
  };
}
