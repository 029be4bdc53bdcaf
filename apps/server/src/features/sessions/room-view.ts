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
    continuation: state.continuation,
    sequence: state.sequence,
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

/** Top-level fields whose value changed between two views of the same viewer. */
export function diffViews(before: RoomView, after: RoomView): Partial<RoomView> {
  const patch: Record<string, unknown> = {};
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]) as Set<keyof RoomView>;
  for (const key of keys) {
    if (key === "seq") continue;
    // Views only ever gain fields, so a key missing after the change never needs clearing.
    if (after[key] !== undefined && JSON.stringify(before[key]) !== JSON.stringify(after[key]))
      patch[key] = after[key];
  }
  return patch as Partial<RoomView>;
}
