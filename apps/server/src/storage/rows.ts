import type { AttemptStatus } from "@loopwright/schema";
import type {
  AttemptPatch,
  AttemptRecord,
  ExerciseRecord,
  LoopRecord,
  MemberRecord,
  PeerFeedbackRecord,
  PeerParticipantRecord,
  PeerSessionRecord,
} from "./store.js";

/*
 * Rows as both SQL backends return them: the same column names and types
 * (TEXT for timestamps and JSON, INTEGER for counters), so one mapping serves
 * SQLite and PostgreSQL and the two cannot drift apart.
 */

export interface AttemptRow {
  id: string;
  practitioner_id: string;
  question_id: string;
  loop_id: string | null;
  loop_position: number | null;
  status: string;
  clock_json: string;
  answer_text: string;
  answer_revision: number;
  answer_saved_at: string | null;
  self_scores_json: string | null;
  reflection: string | null;
  created_at: string;
  completed_at: string | null;
}

export const attemptFromRow = (row: AttemptRow): AttemptRecord => ({
  id: row.id,
  practitionerId: row.practitioner_id,
  questionId: row.question_id,
  loopId: row.loop_id,
  loopPosition: row.loop_position,
  status: row.status as AttemptStatus,
  clock: JSON.parse(row.clock_json),
  answerText: row.answer_text,
  answerRevision: row.answer_revision,
  answerSavedAt: row.answer_saved_at,
  selfScores: row.self_scores_json ? JSON.parse(row.self_scores_json) : null,
  reflection: row.reflection,
  createdAt: row.created_at,
  completedAt: row.completed_at,
});

/** Insert values in the column order of ATTEMPT_COLUMNS. */
export const ATTEMPT_COLUMNS =
  "id, practitioner_id, question_id, loop_id, loop_position, status, clock_json, answer_text, answer_revision, answer_saved_at, self_scores_json, reflection, created_at, completed_at";
export const attemptValues = (a: AttemptRecord): unknown[] => [
  a.id,
  a.practitionerId,
  a.questionId,
  a.loopId,
  a.loopPosition,
  a.status,
  JSON.stringify(a.clock),
  a.answerText,
  a.answerRevision,
  a.answerSavedAt,
  a.selfScores ? JSON.stringify(a.selfScores) : null,
  a.reflection,
  a.createdAt,
  a.completedAt,
];

/** The columns and stored values of an attempt patch, only the fields it sets. */
export function attemptPatchColumns(patch: AttemptPatch): { columns: string[]; values: unknown[] } {
  const encode: Record<keyof AttemptPatch, [string, (v: unknown) => unknown]> = {
    status: ["status", (v) => v],
    clock: ["clock_json", (v) => JSON.stringify(v)],
    selfScores: ["self_scores_json", (v) => (v === null ? null : JSON.stringify(v))],
    reflection: ["reflection", (v) => v],
    completedAt: ["completed_at", (v) => v],
  };
  const entries = Object.entries(patch).filter(([, v]) => v !== undefined) as [keyof AttemptPatch, unknown][];
  return {
    columns: entries.map(([key]) => encode[key][0]),
    values: entries.map(([key, value]) => encode[key][1](value)),
  };
}

export interface MemberRow {
  id: string;
  workspace_id: string;
  name: string;
  role: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
}
export const memberFromRow = (r: MemberRow): MemberRecord => ({
  id: r.id,
  workspaceId: r.workspace_id,
  name: r.name,
  role: r.role as MemberRecord["role"],
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  revokedAt: r.revoked_at,
});

export interface LoopRow {
  id: string;
  workspace_id: string;
  name: string;
  rounds_json: string;
  created_at: string;
}
export const loopFromRow = (r: LoopRow): LoopRecord => ({
  id: r.id,
  workspaceId: r.workspace_id,
  name: r.name,
  rounds: JSON.parse(r.rounds_json),
  createdAt: r.created_at,
});

export interface ExerciseRow {
  id: string;
  workspace_id: string;
  loop_id: string | null;
  name: string;
  created_at: string;
  round: number;
  revealed_round: number;
  items_json: string;
  interviewer_ids_json: string;
  due_at: string | null;
}
export const exerciseFromRow = (r: ExerciseRow): ExerciseRecord => ({
  id: r.id,
  workspaceId: r.workspace_id,
  loopId: r.loop_id,
  name: r.name,
  createdAt: r.created_at,
  round: r.round,
  revealedRound: r.revealed_round,
  items: JSON.parse(r.items_json),
  interviewerIds: JSON.parse(r.interviewer_ids_json),
  dueAt: r.due_at,
});

export interface ScoreRow {
  round: number;
  member_id: string;
  item_id: string;
  dimension: string;
  score: number;
  comment: string;
}
export const scoreFromRow = (r: ScoreRow) => ({
  round: r.round,
  memberId: r.member_id,
  itemId: r.item_id,
  dimension: r.dimension,
  score: r.score,
  comment: r.comment,
});

export interface ParticipantRow {
  id: string;
  session_id: string;
  name: string;
  role: string;
  created_at: string;
  revoked_at: string | null;
  previous_participant_id: string | null;
  link_reissued_at: string | null;
}
export const participantFromRow = (r: ParticipantRow): PeerParticipantRecord => ({
  id: r.id,
  sessionId: r.session_id,
  name: r.name,
  role: r.role as PeerParticipantRecord["role"],
  createdAt: r.created_at,
  revokedAt: r.revoked_at,
  previousParticipantId: r.previous_participant_id,
  linkReissuedAt: r.link_reissued_at,
});

export interface PeerFeedbackRow {
  id: string;
  practitioner_id: string;
  session_id: string;
  question_id: string;
  answer_text: string;
  feedback_json: string;
  session_date: string;
  saved_at: string;
}
export const peerFeedbackFromRow = (r: PeerFeedbackRow): PeerFeedbackRecord => ({
  id: r.id,
  practitionerId: r.practitioner_id,
  sessionId: r.session_id,
  questionId: r.question_id,
  answerText: r.answer_text,
  feedback: JSON.parse(r.feedback_json),
  sessionDate: r.session_date,
  savedAt: r.saved_at,
});

export interface SessionRow {
  id: string;
  question_id: string;
  state_json: string;
  snapshot_seq: number;
  seq: number;
  created_at: string;
  expires_at: string;
  previous_session_id: string | null;
}
export const sessionFromRow = (row: SessionRow): PeerSessionRecord => ({
  id: row.id,
  questionId: row.question_id,
  state: JSON.parse(row.state_json),
  snapshotSeq: row.snapshot_seq,
  seq: row.seq,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  previousSessionId: row.previous_session_id,
});

export const PARTICIPANT_COLUMNS =
  "id, session_id, name, role, token_hash, created_at, revoked_at, previous_participant_id, link_reissued_at";
export const participantValues = (p: PeerParticipantRecord, tokenHash: string) => [
  p.id,
  p.sessionId,
  p.name,
  p.role,
  tokenHash,
  p.createdAt,
  p.revokedAt,
  p.previousParticipantId,
  p.linkReissuedAt,
];

export const PEER_FEEDBACK_COLUMNS =
  "id, practitioner_id, session_id, question_id, answer_text, feedback_json, session_date, saved_at";
export const peerFeedbackValues = (e: PeerFeedbackRecord) => [
  e.id,
  e.practitionerId,
  e.sessionId,
  e.questionId,
  e.answerText,
  JSON.stringify(e.feedback),
  e.sessionDate,
  e.savedAt,
];
