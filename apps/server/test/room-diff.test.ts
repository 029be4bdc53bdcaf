import type { RoomState } from "@loopwright/schema";
import { describe, expect, it } from "vitest";
import { applyRoomStateDiff, diffRoomState } from "../src/features/sessions/room-diff.js";
import { blankRoomState } from "./room-fixtures.js";

const base = blankRoomState();

const note = (i: number, shared = false) => ({
  id: `n${i}`,
  authorId: "host",
  authorName: "Hana",
  elapsedMs: i * 1000,
  text: `note ${i} `.repeat(200),
  shared,
  createdAt: "2026-01-01T00:00:00.000Z",
});

describe("room state diffs", () => {
  it("rebuild the state they were taken from, change after change", () => {
    const steps: ((s: RoomState) => RoomState)[] = [
      (s) => ({ ...s, promptRevealed: true }),
      (s) => ({ ...s, notes: [...s.notes, note(1)] }),
      (s) => ({ ...s, notes: [...s.notes, note(2)] }),
      (s) => ({ ...s, notes: s.notes.map((n) => (n.id === "n1" ? { ...n, shared: true } : n)) }),
      (s) => ({ ...s, answer: { text: "We would split the platform team.", revision: 4 } }),
      (s) => ({ ...s, notes: [] }),
      (s) => ({ ...s, selfScore: { depth: 3 }, released: true }),
    ];
    let state = base;
    let rebuilt = base;
    for (const step of steps) {
      const next = step(state);
      rebuilt = applyRoomStateDiff(rebuilt, JSON.parse(JSON.stringify(diffRoomState(state, next))));
      expect(rebuilt).toEqual(next);
      state = next;
    }
  });

  it("store a new note at its own size, however many notes came before", () => {
    let state = base;
    for (let i = 0; i < 300; i++) state = { ...state, notes: [...state.notes, note(i)] };
    const next = { ...state, notes: [...state.notes, note(300)] };
    const size = JSON.stringify(diffRoomState(state, next)).length;
    expect(size).toBeLessThan(JSON.stringify(note(300)).length + 100);
  });

  it("store only the note whose sharing changed", () => {
    let state = base;
    for (let i = 0; i < 50; i++) state = { ...state, notes: [...state.notes, note(i)] };
    const next = { ...state, notes: state.notes.map((n, i) => (i === 7 ? { ...n, shared: true } : n)) };
    expect(diffRoomState(state, next)).toEqual({ notes: { length: 50, items: [[7, next.notes[7]]] } });
  });

  it("logged while states were version 1, land in the version-2 field they meant", () => {
    const released = { ...base, released: true };
    const advanced = applyRoomStateDiff(released, {
      swappedTo: { set: "s-next" },
      continuation: { set: "next" },
    });
    expect([advanced.swappedTo, advanced.advancedTo]).toEqual([null, "s-next"]);
    expect(advanced).not.toHaveProperty("continuation");
    const swapped = applyRoomStateDiff(released, {
      swappedTo: { set: "s-swap" },
      continuation: { set: "swap" },
    });
    expect([swapped.swappedTo, swapped.advancedTo]).toEqual(["s-swap", null]);
    expect(swapped).not.toHaveProperty("continuation");
  });
});
