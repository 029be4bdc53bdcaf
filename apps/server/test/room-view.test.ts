import type { RoomView } from "@loopwright/schema";
import { describe, expect, it } from "vitest";
import { diffViews } from "../src/features/sessions/room-view.js";

/** The definition diffViews shortcuts: a field is in the patch when its JSON changed. */
function referenceDiff(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((key) => key !== "seq" && after[key] !== undefined)
    .filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]))
    .sort();
}

/** mulberry32: a small seeded generator, so a failure names the seed that reproduces it. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LEAVES = ["a", "b", "", true, false, 0, 1, null, undefined];

/**
 * Values shaped like a view's fields (objects of strings, arrays of objects),
 * drawn from a pool small enough that equal-but-distinct values, shared
 * references, undefined members and reordered keys all come up often.
 */
function value(next: () => number, depth: number, pool: unknown[]): unknown {
  const roll = next();
  if (roll < 0.15 && pool.length > 0) return pool[Math.floor(next() * pool.length)];
  if (depth === 0 || roll < 0.5) return LEAVES[Math.floor(next() * LEAVES.length)];
  let made: unknown;
  if (roll < 0.75) {
    made = Array.from({ length: Math.floor(next() * 3) }, () => value(next, depth - 1, pool));
  } else {
    const keys = ["id", "name", "role", "text"].filter(() => next() < 0.6);
    if (next() < 0.3) keys.reverse();
    made = Object.fromEntries(keys.map((k) => [k, value(next, depth - 1, pool)]));
  }
  pool.push(made);
  return made;
}

/** A copy with fresh objects and arrays, so only equality of values, never identity, can match. */
const clone = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(clone)
    : v && typeof v === "object"
      ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, clone(x)]))
      : v;

describe("diffViews", () => {
  it("patches exactly the fields whose JSON changed, over 20,000 random pairs of views", () => {
    const fields = ["you", "participants", "answer", "notes", "scores", "clock", "prompt"];
    for (let seed = 1; seed <= 20_000; seed++) {
      const next = random(seed);
      const pool: unknown[] = [];
      const before: Record<string, unknown> = { seq: 1 };
      const after: Record<string, unknown> = { seq: 2 };
      for (const field of fields) {
        before[field] = value(next, 3, pool);
        const how = next();
        // The same object, an equal copy, or something else altogether.
        after[field] = how < 0.3 ? before[field] : how < 0.6 ? clone(before[field]) : value(next, 3, pool);
      }
      const patch = diffViews(before as unknown as RoomView, after as unknown as RoomView);
      expect([seed, Object.keys(patch).sort()]).toEqual([seed, referenceDiff(before, after)]);
      for (const key of Object.keys(patch)) expect(patch[key as keyof RoomView]).toBe(after[key]);
    }
  });

  it("treats undefined members as JSON does: left out of objects, null in arrays", () => {
    const view = (extra: Record<string, unknown>) => ({ seq: 1, ...extra }) as unknown as RoomView;
    expect(diffViews(view({ you: { id: "a", name: undefined } }), view({ you: { id: "a" } }))).toEqual({});
    expect(diffViews(view({ notes: [undefined] }), view({ notes: [null] }))).toEqual({});
    expect(
      diffViews(view({ you: { id: "a", role: "host" } }), view({ you: { role: "host", id: "a" } })),
    ).toEqual({
      you: { role: "host", id: "a" },
    });
  });
});
