import { randomUUID } from "node:crypto";
import {
  advancePhase,
  ClockError,
  clockView,
  extendPhase,
  pauseClock,
  resumeClock,
  startClock,
  stopClock,
} from "@loopwright/clock";
import {
  type ClientIntent,
  INTERVIEWER_ROLES,
  MAX_NOTES_PER_AUTHOR,
  type Question,
  type SessionRole,
} from "@loopwright/schema";
import type { RoomParticipant, RoomState } from "./room-state.js";

/** An intent the sender may not perform or that does not fit the room's state; nothing changes. */
export class RoomError extends Error {
  constructor(
    readonly code: "forbidden" | "invalid" | "conflict" | "limit",
    message: string,
  ) {
    super(message);
    this.name = "RoomError";
  }
}

const forbidden = (message: string) => new RoomError("forbidden", message);
const invalid = (message: string) => new RoomError("invalid", message);
const conflict = (message: string) => new RoomError("conflict", message);

function requireRole(sender: RoomParticipant, allowed: readonly SessionRole[], action: string): void {
  if (!allowed.includes(sender.role)) {
    throw forbidden(`A ${sender.role} cannot ${action}; that is for the ${allowed.join(" or ")}.`);
  }
}

function checkRubric(scores: Record<string, number>, question: Question): void {
  const dims = question.rubric.dimensions.map((d) => d.id);
  for (const key of Object.keys(scores)) {
    if (!dims.includes(key))
      throw invalid(`'${key}' is not a rubric dimension of this question (${dims.join(", ")}).`);
  }
  const missing = dims.filter((d) => !(d in scores));
  if (missing.length > 0) throw invalid(`Score every dimension; missing: ${missing.join(", ")}.`);
}

/**
 * Applies one validated intent. Pure apart from the clock reading and ids it
 * is given: returns the next state, or throws RoomError leaving state untouched.
 * Rule ids (P-INT-n) are defined in packages/schema/PROTOCOL.md.
 */
export function applyIntent(
  state: RoomState,
  intent: ClientIntent,
  sender: RoomParticipant,
  question: Question,
  now: number,
): RoomState {
  if (state.released && intent.type !== "self-score") {
    // P-INT-1: a released session is a finished record.
    if (intent.type !== "release")
      throw conflict("Feedback has been released; this session is now read-only.");
  }
  const elapsed = clockView(state.clock, now).elapsedMs;
  switch (intent.type) {
    case "reveal-prompt": {
      requireRole(sender, ["host"], "reveal the prompt");
      if (state.promptRevealed) return state;
      return { ...state, promptRevealed: true };
    }
    case "clock": {
      requireRole(sender, ["host"], "control the timer");
      try {
        switch (intent.action) {
          case "start":
            return { ...state, clock: startClock(state.clock, now), promptRevealed: true };
          case "pause":
            return { ...state, clock: pauseClock(state.clock, now) };
          case "resume":
            return { ...state, clock: resumeClock(state.clock, now) };
          case "advance":
            return { ...state, clock: advancePhase(state.clock, now) };
          case "extend": {
            const index = Math.max(0, clockView(state.clock, now).currentPhaseIndex);
            return { ...state, clock: extendPhase(state.clock, index, (intent.extendMinutes ?? 2) * 60_000) };
          }
        }
      } catch (error) {
        if (error instanceof ClockError)
          throw conflict(`Cannot ${intent.action} the timer: ${error.message}.`);
        throw error;
      }
      break;
    }
    case "inject-curveball": {
      requireRole(sender, ["host"], "inject a curveball");
      const curveball = question.guide.curveballs.find((c) => c.id === intent.curveballId);
      if (!curveball) throw invalid(`This question has no curveball '${intent.curveballId}'.`);
      if (state.curveballs.some((c) => c.id === curveball.id))
        throw conflict("That curveball has already been injected.");
      if (!state.promptRevealed) throw conflict("Reveal the prompt before injecting a curveball.");
      return {
        ...state,
        curveballs: [
          ...state.curveballs,
          { id: curveball.id, title: curveball.title, prompt: curveball.prompt, elapsedMs: elapsed },
        ],
      };
    }
    case "answer": {
      requireRole(sender, ["candidate"], "write the answer");
      // P-INT-2: answers carry a revision; an older or repeated one is not applied.
      if (intent.revision <= state.answer.revision) return state;
      return { ...state, answer: { text: intent.text, revision: intent.revision } };
    }
    case "add-note": {
      requireRole(sender, INTERVIEWER_ROLES, "take interviewer notes");
      if (state.notes.filter((n) => n.authorId === sender.id).length >= MAX_NOTES_PER_AUTHOR) {
        throw new RoomError(
          "limit",
          `You have taken ${MAX_NOTES_PER_AUTHOR} notes in this session, the most one interviewer can; add to an earlier note's theme in your feedback instead.`,
        );
      }
      const note = {
        id: randomUUID(),
        authorId: sender.id,
        authorName: sender.name,
        elapsedMs: elapsed,
        text: intent.text,
        shared: intent.shared,
        createdAt: new Date(now).toISOString(),
      };
      return { ...state, notes: [...state.notes, note] };
    }
    case "share-note": {
      requireRole(sender, INTERVIEWER_ROLES, "share notes");
      const note = state.notes.find((n) => n.id === intent.noteId && n.authorId === sender.id);
      if (!note) throw invalid("You have no note with that id.");
      return { ...state, notes: state.notes.map((n) => (n === note ? { ...n, shared: intent.shared } : n)) };
    }
    case "submit-score": {
      requireRole(sender, INTERVIEWER_ROLES, "score the answer");
      if (state.scores.some((s) => s.participantId === sender.id)) {
        throw conflict("You have already submitted your scores.");
      }
      checkRubric(intent.scores, question);
      return {
        ...state,
        scores: [
          ...state.scores,
          {
            participantId: sender.id,
            name: sender.name,
            scores: intent.scores,
            recommendation: intent.recommendation,
            feedback: intent.feedback,
            submittedAt: new Date(now).toISOString(),
          },
        ],
      };
    }
    case "self-score": {
      requireRole(sender, ["candidate"], "self-score");
      if (state.released) throw conflict("Feedback has been released; the self-score is final.");
      checkRubric(intent.scores, question);
      return { ...state, selfScore: intent.scores };
    }
    case "release": {
      requireRole(sender, ["host"], "release feedback");
      if (state.released) return state;
      if (state.scores.length === 0)
        throw conflict("Submit at least one interviewer's scores before releasing feedback.");
      // Releasing ends the interview, so the clock freezes at its final reading.
      const running = state.clock.startedAt !== null && state.clock.stoppedAt === null;
      return { ...state, released: true, clock: running ? stopClock(state.clock, now) : state.clock };
    }
  }
  return state;
}
