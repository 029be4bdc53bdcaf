import { isInterviewer, type Question, type RoomView } from "@loopwright/schema";
import type { RoomParticipant, RoomState } from "./room-state.js";

/**
 * What `viewer` may see of the room. This is the only place role visibility is
 * decided: events are diffs of these views, so nothing else can leak.
 * Rule ids (P-VIEW-n) are defined in packages/schema/PROTOCOL.md.
 */
export function viewFor(
  state: RoomState,
  seq: number,
  viewer: RoomParticipant,
  participants: RoomParticipant[],
  question: Question,
): RoomView {
  const interviewer = isInterviewer(viewer.role);
  const view: RoomView = {
    sessionId: state.sessionId,
    seq,
    you: { id: viewer.id, name: viewer.name, role: viewer.role },
    participants: participants.filter((p) => !p.revoked).map(({ id, name, role }) => ({ id, name, role })),
    promptRevealed: state.promptRevealed,
    clock: state.clock,
    // P-VIEW-1: only injected curveballs exist in the room; the guide's others never reach a socket.
    curveballs: state.curveballs,
    answer: state.answer,
    released: state.released,
    swappedTo: state.swappedTo,
    advancedTo: state.advancedTo,
    sequence: state.sequence,
    scheduledStart: state.scheduledStart ?? null,
  };
  // P-VIEW-2: the prompt, and which question it is, reach the candidate and observers only once revealed.
  if (interviewer || state.promptRevealed) {
    view.questionId = question.id;
    view.questionTitle = question.title;
    view.prompt = question.prompt;
    view.scenario = question.scenario;
  }
  if (interviewer) {
    // P-VIEW-3: notes are private to their author until release, when shared ones go into the report.
    view.notes = state.notes.filter((n) => n.authorId === viewer.id);
    // P-VIEW-2 too: which questions come next is as much a spoiler as which one this is.
    view.upcomingQuestionIds = state.upcomingQuestionIds;
    view.submittedBy = state.scores.map((s) => s.participantId);
    // P-VIEW-4: blind scoring — others' scores only after submitting your own (or after release).
    const submitted = state.scores.some((s) => s.participantId === viewer.id);
    view.scores = submitted || state.released ? state.scores : [];
    // P-VIEW-5: interviewers see the candidate's self-score only after release.
    if (state.released) view.selfScore = state.selfScore;
  } else if (state.released) {
    // P-VIEW-6: after release the candidate and observers get the report: scores, feedback, shared notes.
    view.scores = state.scores;
    view.notes = state.notes.filter((n) => n.shared);
  }
  if (viewer.role === "candidate") view.selfScore = state.selfScore;
  return view;
}

const itemJson = (value: unknown) => JSON.stringify(value) ?? "null";

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Two plain objects with the same keys in the same order: the same JSON when
 * every value is the same one, different JSON as soon as one key holds two
 * different strings or booleans (JSON has one reading, so that key's text
 * differs); otherwise undefined, and only serialising can tell.
 */
function shallowJson(a: Record<string, unknown>, b: Record<string, unknown>): boolean | undefined {
  const keys = Object.keys(a);
  const others = Object.keys(b);
  if (keys.length !== others.length) return undefined;
  let same = true;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    if (key !== others[i]) return undefined;
    const x = a[key];
    const y = b[key];
    if (x === y) continue;
    const kind = typeof x;
    if (kind === typeof y && (kind === "string" || kind === "boolean")) return false;
    same = false;
  }
  return same ? true : undefined;
}

/** `sameJson` for what JSON writes as an array item, where undefined is written as null. */
function sameItem(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (isPlainObject(a) && isPlainObject(b)) {
    const shallow = shallowJson(a, b);
    if (shallow !== undefined) return shallow;
  }
  return itemJson(a) === itemJson(b);
}

/**
 * Whether two values serialise to the same JSON, the test a patch has always
 * used. Views hand on the state's own objects and fresh objects of the same
 * strings (participants, `you`), so references and one level of values
 * settle nearly every field without serialising it for every recipient of
 * every change.
 */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameItem(a[i], b[i])) return false;
    return true;
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const shallow = shallowJson(a, b);
    if (shallow !== undefined) return shallow;
  }
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Top-level fields whose value changed between two views of the same viewer. */
export function diffViews(before: RoomView, after: RoomView): Partial<RoomView> {
  const patch: Record<string, unknown> = {};
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]) as Set<keyof RoomView>;
  for (const key of keys) {
    if (key === "seq") continue;
    // Views only ever gain fields, so a key missing after the change never needs clearing.
    if (after[key] !== undefined && !sameJson(before[key], after[key])) patch[key] = after[key];
  }
  return patch as Partial<RoomView>;
}
