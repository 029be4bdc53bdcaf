import type { RoomView } from "@loopwright/schema";

/** A room as the server first sends it, before anything has happened; tests override what they need. */
export function roomViewFixture(overrides: Partial<RoomView> = {}): RoomView {
  return {
    sessionId: "s1",
    questionId: "q1",
    questionTitle: "A question",
    seq: 3,
    you: { id: "p1", name: "Hana", role: "host" },
    participants: [],
    promptRevealed: false,
    clock: {
      phases: [{ id: "a", name: "A", durationMs: 60_000 }],
      startedAt: null,
      pausedAt: null,
      pausedMs: 0,
      advances: [],
      extensionsMs: [0],
      stoppedAt: null,
    },
    curveballs: [],
    answer: { text: "", revision: 0 },
    released: false,
    swappedTo: null,
    advancedTo: null,
    sequence: { position: 1, total: 1 },
    scheduledStart: null,
    ...overrides,
  };
}
