import type { ClockState } from "@loopwright/clock";
import type { InterviewerScore, Note, Participant } from "@loopwright/schema";

/** Everything a live session is, as persisted. Views for each role are derived from it. */
export interface RoomState {
  sessionId: string;
  questionId: string;
  promptRevealed: boolean;
  clock: ClockState;
  curveballs: { id: string; title: string; prompt: string; elapsedMs: number }[];
  answer: { text: string; revision: number };
  notes: Note[];
  scores: InterviewerScore[];
  selfScore: Record<string, number> | null;
  released: boolean;
  swappedTo: string | null;
  continuation: "swap" | "next" | null;
  /** Questions still to come in a mini loop, in order. */
  upcomingQuestionIds: string[];
  sequence: { position: number; total: number };
}

export interface RoomParticipant extends Participant {
  revoked: boolean;
}
