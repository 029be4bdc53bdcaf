import type { RoomState } from "@loopwright/schema";

/**
 * A change to the room, stored once as the difference between two room
 * states, not as one view per recipient. Arrays that grew or had a few items
 * replaced (notes, scores, curveballs) store just those items, so a note costs
 * its own size in the log however many came before it.
 */
export type FieldChange = { set: unknown } | { length: number; items: [number, unknown][] };
export type RoomStateDiff = Record<string, FieldChange>;

const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

function diffField(before: unknown, after: unknown): FieldChange {
  if (Array.isArray(before) && Array.isArray(after) && after.length >= before.length) {
    const items: [number, unknown][] = [];
    for (let i = 0; i < after.length; i++)
      if (i >= before.length || !same(before[i], after[i])) items.push([i, after[i]]);
    // Item by item only pays when most items stayed as they were.
    if (items.length < after.length || before.length === 0) return { length: after.length, items };
  }
  return { set: after };
}

export function diffRoomState(before: RoomState, after: RoomState): RoomStateDiff {
  const diff: RoomStateDiff = {};
  for (const key of Object.keys(after) as (keyof RoomState)[]) {
    if (!same(before[key], after[key])) diff[key] = diffField(before[key], after[key]);
  }
  return diff;
}

/**
 * Changes logged while room states were version 1 set `swappedTo` and
 * `continuation` together, one field for both ways on; the log keeps them as
 * written, so they are read as the version-2 field they meant.
 */
function fromVersion1Diff(diff: RoomStateDiff): RoomStateDiff {
  if (!("continuation" in diff)) return diff;
  const { continuation, swappedTo = { set: null }, ...rest } = diff;
  const advanced = continuation !== undefined && "set" in continuation && continuation.set === "next";
  return { ...rest, ...(advanced ? { advancedTo: swappedTo } : { swappedTo }) };
}

export function applyRoomStateDiff(state: RoomState, diff: RoomStateDiff): RoomState {
  const next: Record<string, unknown> = { ...state };
  for (const [key, change] of Object.entries(fromVersion1Diff(diff))) {
    if ("set" in change) {
      next[key] = change.set;
      continue;
    }
    const items = [...((next[key] as unknown[] | undefined) ?? [])];
    items.length = change.length;
    for (const [index, value] of change.items) items[index] = value;
    next[key] = items;
  }
  return next as RoomState;
}
