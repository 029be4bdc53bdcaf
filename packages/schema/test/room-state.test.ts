import { describe, expect, it } from "vitest";
import { loadRoomState, ROOM_STATE_VERSION, RoomStateError } from "../src/index.js";

const clock = {
  phases: [{ id: "clarify", name: "Clarify", durationMs: 300_000 }],
  startedAt: null,
  pausedAt: null,
  pausedMs: 0,
  advances: [],
  extensionsMs: [0],
  stoppedAt: null,
};

/** A state as servers saved it before states were versioned and before mini loops existed. */
const version0 = {
  sessionId: "s1",
  questionId: "q1",
  promptRevealed: true,
  clock,
  curveballs: [],
  answer: { text: "We would split the platform team.", revision: 3 },
  notes: [],
  scores: [],
  selfScore: null,
  released: false,
  swappedTo: "s2",
};

describe("loadRoomState", () => {
  it("migrates an unversioned state, filling what later versions added", () => {
    const state = loadRoomState(version0);
    expect(state.version).toBe(ROOM_STATE_VERSION);
    expect(state.answer.text).toBe("We would split the platform team.");
    // A swapped session from before continuations existed was a role swap.
    expect(state.swappedTo).toBe("s2");
    expect(state.advancedTo).toBeNull();
    expect(state).not.toHaveProperty("continuation");
    expect(state.upcomingQuestionIds).toEqual([]);
    expect(state.sequence).toEqual({ position: 1, total: 1 });
  });

  it("splits version 1's one swappedTo into swappedTo for a swap and advancedTo for the next question", () => {
    const version1 = {
      ...version0,
      version: 1,
      upcomingQuestionIds: [],
      sequence: { position: 1, total: 2 },
    };
    const advanced = loadRoomState({ ...version1, swappedTo: "s-next", continuation: "next" });
    expect([advanced.swappedTo, advanced.advancedTo]).toEqual([null, "s-next"]);
    const swapped = loadRoomState({ ...version1, swappedTo: "s-swap", continuation: "swap" });
    expect([swapped.swappedTo, swapped.advancedTo]).toEqual(["s-swap", null]);
    const stayed = loadRoomState({ ...version1, swappedTo: null, continuation: null });
    expect([stayed.swappedTo, stayed.advancedTo]).toEqual([null, null]);
    expect(stayed).not.toHaveProperty("continuation");
  });

  it("reads a current state as it is", () => {
    const current = {
      ...loadRoomState(version0),
      swappedTo: null,
      advancedTo: "s3",
      sequence: { position: 2, total: 3 },
    };
    expect(loadRoomState(JSON.parse(JSON.stringify(current)))).toEqual(current);
  });

  it("names what is wrong with a damaged state instead of loading it", () => {
    expect(() => loadRoomState({ ...version0, answer: { text: 7, revision: 3 } })).toThrow(
      new RoomStateError(
        "The saved room state is invalid at 'answer.text': Invalid input: expected string, received number.",
      ),
    );
    expect(() => loadRoomState("{}")).toThrow(/not an object/);
  });

  it("refuses a state from a newer server rather than guessing", () => {
    expect(() => loadRoomState({ ...version0, version: ROOM_STATE_VERSION + 1 })).toThrow(
      `has version ${ROOM_STATE_VERSION + 1}; this server reads versions 0 to ${ROOM_STATE_VERSION}`,
    );
  });
});
