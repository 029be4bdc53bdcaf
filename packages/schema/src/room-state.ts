import { z } from "zod";
import { injectedCurveballSchema, interviewerScoreSchema, noteSchema } from "./peer-protocol.js";
import { clockStateSchema } from "./practice.js";

/**
 * A live session's state as the server stores it. Every role's view is derived
 * from it by the server's `viewFor`; it is never sent to a client as it is.
 * Saved states carry `version`; `loadRoomState` brings an older one up to date.
 */
export const ROOM_STATE_VERSION = 2;

export const roomStateSchema = z
  .object({
    version: z.literal(ROOM_STATE_VERSION),
    sessionId: z.string().min(1),
    questionId: z.string().min(1),
    promptRevealed: z.boolean(),
    clock: clockStateSchema,
    curveballs: z.array(injectedCurveballSchema),
    answer: z.object({ text: z.string(), revision: z.number().int().min(0) }),
    notes: z.array(noteSchema),
    scores: z.array(interviewerScoreSchema),
    selfScore: z.record(z.string(), z.number().int()).nullable(),
    released: z.boolean(),
    /** The mirrored session, roles exchanged, once the host has swapped. */
    swappedTo: z.string().nullable(),
    /** The session of the mini loop's next question, same people and roles, once the host has moved on. */
    advancedTo: z.string().nullable(),
    /** Questions still to come in a mini loop, in order. */
    upcomingQuestionIds: z.array(z.string()),
    /** This question's place in its mini loop (1-based). */
    sequence: z.object({ position: z.number().int().min(1), total: z.number().int().min(1) }),
    /**
     * The host's planned start (UTC instant) from the create form. Optional rather than a new
     * version: states saved before it existed simply have none.
     */
    scheduledStart: z.string().nullable().optional(),
  })
  .strict();
export type RoomState = z.infer<typeof roomStateSchema>;

export class RoomStateError extends Error {
  override name = "RoomStateError";
}

/**
 * Version 0 is what was saved before states were versioned: no `version`, and
 * sessions older than mini loops and role swaps lack `continuation`,
 * `upcomingQuestionIds` and `sequence`.
 */
function fromVersion0(raw: Record<string, unknown>): Record<string, unknown> {
  return {
    ...raw,
    version: 1,
    continuation: raw.continuation ?? (raw.swappedTo ? "swap" : null),
    upcomingQuestionIds: raw.upcomingQuestionIds ?? [],
    sequence: raw.sequence ?? { position: 1, total: 1 },
  };
}

/**
 * Version 1 kept both ways on in `swappedTo`, with `continuation` saying which;
 * version 2 keeps each in its own field.
 */
export function fromVersion1(raw: Record<string, unknown>): Record<string, unknown> {
  const { continuation, swappedTo = null, ...rest } = raw;
  return {
    ...rest,
    version: 2,
    swappedTo: continuation === "next" ? null : swappedTo,
    advancedTo: continuation === "next" ? swappedTo : null,
  };
}

const MIGRATIONS: Record<number, (raw: Record<string, unknown>) => Record<string, unknown>> = {
  0: fromVersion0,
  1: fromVersion1,
};

/** A saved state, migrated to the current version and checked; throws RoomStateError naming what is wrong. */
export function loadRoomState(raw: unknown): RoomState {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw))
    throw new RoomStateError("The saved room state is not an object.");
  let state = raw as Record<string, unknown>;
  let version = state.version === undefined ? 0 : state.version;
  if (
    typeof version !== "number" ||
    !Number.isInteger(version) ||
    version < 0 ||
    version > ROOM_STATE_VERSION
  )
    throw new RoomStateError(
      `The saved room state has version ${JSON.stringify(state.version)}; this server reads versions 0 to ${ROOM_STATE_VERSION}.`,
    );
  while (version < ROOM_STATE_VERSION) {
    const migrate = MIGRATIONS[version];
    if (!migrate) throw new RoomStateError(`No migration from room state version ${version}.`);
    state = migrate(state);
    version += 1;
  }
  const parsed = roomStateSchema.safeParse(state);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new RoomStateError(
      `The saved room state is invalid at '${issue?.path.join(".") || "(root)"}': ${issue?.message ?? "unknown problem"}.`,
    );
  }
  return parsed.data;
}
