import type {
  AttemptStatus,
  ClockStateDto,
  ExerciseItemKind,
  MemberRole,
  SessionRole,
} from "@loopwright/schema";

/** One row of a solo practice attempt, as every backend stores it. */
export interface AttemptRecord {
  id: string;
  practitionerId: string;
  questionId: string;
  loopId: string | null;
  loopPosition: number | null;
  status: AttemptStatus;
  clock: ClockStateDto;
  answerText: string;
  answerRevision: number;
  answerSavedAt: string | null;
  selfScores: Record<string, number> | null;
  reflection: string | null;
  createdAt: string;
  completedAt: string | null;
}

export type AttemptPatch = Partial<
  Pick<AttemptRecord, "status" | "clock" | "selfScores" | "reflection" | "completedAt">
>;

export interface SaveAnswerOutcome {
  applied: boolean;
  revision: number;
  savedAt: string | null;
}

export interface PracticeRepository {
  /** A key hash names one practitioner: a second practitioner with the same hash is refused. */
  createPractitioner(id: string, keyHash: string): Promise<void>;
  findPractitionerIdByKeyHash(keyHash: string): Promise<string | null>;
  /**
   * Inserts all attempts (one, or every round of a loop) in one transaction:
   * when one is refused (e.g. its id is taken) none is kept.
   */
  insertAttempts(attempts: AttemptRecord[]): Promise<void>;
  getAttempt(practitionerId: string, id: string): Promise<AttemptRecord | null>;
  /** Newest first by createdAt; attempts created together (a loop's rounds) highest loopPosition first. */
  listAttempts(practitionerId: string): Promise<AttemptRecord[]>;
  /** The loop's rounds in loopPosition order. */
  listLoop(practitionerId: string, loopId: string): Promise<AttemptRecord[]>;
  /** Sets only the fields present in `patch` (null clears a nullable one); others are kept. */
  updateAttempt(practitionerId: string, id: string, patch: AttemptPatch): Promise<void>;
  /**
   * Stores the text only if `revision` is newer than the stored one, so a
   * retried or late save can neither duplicate nor roll back text.
   */
  saveAnswer(
    practitionerId: string,
    id: string,
    text: string,
    revision: number,
    savedAt: string,
  ): Promise<SaveAnswerOutcome>;
  deleteAttempt(practitionerId: string, id: string): Promise<number>;
  deleteAllAttempts(practitionerId: string): Promise<number>;
  /**
   * Keeps a peer session's released feedback in a practitioner's history, once
   * per session: saving the same session again returns the entry first saved.
   */
  savePeerFeedback(entry: PeerFeedbackRecord): Promise<{ entry: PeerFeedbackRecord; created: boolean }>;
  /** Newest first by sessionDate. */
  listPeerFeedback(practitionerId: string): Promise<PeerFeedbackRecord[]>;
  getPeerFeedback(practitionerId: string, id: string): Promise<PeerFeedbackRecord | null>;
  /** Both return how many entries went; only the practitioner's own are reached. */
  deletePeerFeedback(practitionerId: string, id: string): Promise<number>;
  deleteAllPeerFeedback(practitionerId: string): Promise<number>;
}

/** A peer session's released feedback, saved by its candidate into their practice history. */
export interface PeerFeedbackRecord {
  id: string;
  practitionerId: string;
  sessionId: string;
  questionId: string;
  answerText: string;
  /** The released report (scores, written feedback, shared notes); the practice feature owns its shape. */
  feedback: unknown;
  sessionDate: string;
  savedAt: string;
}

export interface WorkspaceRecord {
  id: string;
  name: string;
  createdAt: string;
}

export interface MemberRecord {
  id: string;
  workspaceId: string;
  name: string;
  role: MemberRole;
  createdAt: string;
  revokedAt: string | null;
  expiresAt: string;
}

export interface LoopRecord {
  id: string;
  workspaceId: string;
  name: string;
  rounds: { name: string; durationMinutes: number; competencies: string[]; questionIds: string[] }[];
  createdAt: string;
}

export interface ExerciseItemRecord {
  id: string;
  /** "Answer A"; records written before titles were kept apart hold "Answer A: <title>" (see itemLabel). */
  label: string;
  /** A pasted transcript's title, which only admins see. Absent in records written before it. */
  title?: string | null;
  questionId: string;
  kind: ExerciseItemKind;
  exampleId: string | null;
  text: string;
}

export interface ExerciseRecord {
  id: string;
  workspaceId: string;
  loopId: string | null;
  name: string;
  createdAt: string;
  round: number;
  /** Highest round whose results are visible; 0 when none. */
  revealedRound: number;
  items: ExerciseItemRecord[];
  interviewerIds: string[];
  /** When the panel should have finished scoring; null when no due date is set. */
  dueAt: string | null;
}

export interface ScoreRecord {
  round: number;
  memberId: string;
  itemId: string;
  dimension: string;
  score: number;
  comment: string;
}

export interface CalibrationRepository {
  createWorkspace(workspace: WorkspaceRecord, admin: MemberRecord, adminTokenHash: string): Promise<void>;
  getWorkspace(id: string): Promise<WorkspaceRecord | null>;
  addMember(member: MemberRecord, tokenHash: string): Promise<void>;
  /** Oldest first by createdAt, then by name. */
  listMembers(workspaceId: string): Promise<MemberRecord[]>;
  findMemberByTokenHash(tokenHash: string): Promise<MemberRecord | null>;
  revokeMember(workspaceId: string, memberId: string, at: string): Promise<boolean>;
  /**
   * Gives an active member of the workspace a new link secret and expiry: the old hash is
   * kept only as replaced (found by `findReplacedLink`), and the member's credentials end.
   * False, changing nothing, for a revoked, unknown or other workspace's member.
   */
  replaceMemberToken(
    workspaceId: string,
    memberId: string,
    tokenHash: string,
    expiresAt: string,
    at: string,
  ): Promise<boolean>;
  /** The member whose link had this hash before it was replaced, and when it was. */
  findReplacedLink(tokenHash: string): Promise<{ member: MemberRecord; replacedAt: string } | null>;
  /** Stores the hash of the credential a member's link was traded for: their sign-in, until `expiresAt`. */
  createMemberCredential(credentialHash: string, memberId: string, expiresAt: string): Promise<void>;
  /** The member a credential signs in, while it has not expired and the member is not revoked. */
  findCredentialMember(credentialHash: string, now: string): Promise<MemberRecord | null>;
  /** Inserts the loop, or replaces the name and rounds of the stored loop with its id. */
  saveLoop(loop: LoopRecord): Promise<void>;
  getLoop(workspaceId: string, id: string): Promise<LoopRecord | null>;
  /** Newest first by createdAt. */
  listLoops(workspaceId: string): Promise<LoopRecord[]>;
  deleteLoop(workspaceId: string, id: string): Promise<boolean>;
  createExercise(exercise: ExerciseRecord): Promise<void>;
  getExercise(workspaceId: string, id: string): Promise<ExerciseRecord | null>;
  /** Newest first by createdAt. */
  listExercises(workspaceId: string): Promise<ExerciseRecord[]>;
  updateExerciseRounds(id: string, round: number, revealedRound: number): Promise<void>;
  /** Sets (or clears, with null) the exercise's due date and nothing else. */
  setExerciseDueAt(id: string, dueAt: string | null): Promise<void>;
  /** Upserts one interviewer's scores for a round in one transaction. */
  saveScores(exerciseId: string, scores: ScoreRecord[]): Promise<void>;
  /** Ordered by round, then memberId, itemId and dimension. */
  listScores(exerciseId: string): Promise<ScoreRecord[]>;
  markSubmitted(exerciseId: string, round: number, memberId: string, at: string): Promise<void>;
  /** One per round and member, in no particular order. */
  listSubmissions(exerciseId: string): Promise<{ round: number; memberId: string }[]>;
}

export interface PeerSessionRecord {
  id: string;
  questionId: string;
  /**
   * The latest snapshot of the room state (JSON-serialisable; the sessions
   * feature owns its shape), taken at `snapshotSeq`. The state at `seq` is it
   * with the changes after `snapshotSeq` applied.
   */
  state: unknown;
  snapshotSeq: number;
  seq: number;
  createdAt: string;
  expiresAt: string;
  previousSessionId: string | null;
}

export interface PeerParticipantRecord {
  id: string;
  sessionId: string;
  name: string;
  role: SessionRole;
  createdAt: string;
  revokedAt: string | null;
  /** The participant this one mirrors in the session it was swapped from. */
  previousParticipantId: string | null;
  /** When the host last replaced this participant's link; null while it is the first one. */
  linkReissuedAt: string | null;
}

/** One committed change to a room: a small diff of its state, never a per-recipient view. */
export interface PeerChangeRecord {
  seq: number;
  kind: string;
  diff: unknown;
}

export interface PeerChange {
  sessionId: string;
  /** The sequence number the writer's change was computed from. */
  expectedSeq: number;
  /** expectedSeq + 1 for a change; expectedSeq when only an operation is recorded. */
  seq: number;
  /** The change at `seq`; null when only an operation is recorded. */
  change: { kind: string; diff: unknown } | null;
  /** The full state at `seq`, to store as a snapshot; null between snapshots. */
  snapshot: unknown | null;
  /** With a snapshot: older snapshots than this seq are no longer needed by any replay. */
  dropSnapshotsBefore?: number;
  op: { participantId: string; opId: string } | null;
}

/** Storage could not be opened at start; the message says where and why, without secrets. */
export class StorageError extends Error {
  override name = "StorageError";
}

/** Another writer moved the session's sequence first; reload and recompute rather than overwrite. */
export class SequenceConflictError extends Error {
  override name = "SequenceConflictError";
  constructor(
    readonly sessionId: string,
    readonly expectedSeq: number,
  ) {
    super(`Session ${sessionId} is no longer at seq ${expectedSeq}; another change was committed first.`);
  }
}

export interface PeerSessionRepository {
  createSession(
    session: PeerSessionRecord,
    participants: { participant: PeerParticipantRecord; tokenHash: string }[],
  ): Promise<void>;
  getSession(id: string): Promise<PeerSessionRecord | null>;
  /** Oldest first by createdAt; those created at the same instant in the order they were added. */
  listParticipants(sessionId: string): Promise<PeerParticipantRecord[]>;
  addParticipant(participant: PeerParticipantRecord, tokenHash: string): Promise<void>;
  revokeParticipant(sessionId: string, participantId: string, at: string): Promise<boolean>;
  /** Replaces a participant's link secret (the old link stops working). */
  rotateParticipantToken(participantId: string, tokenHash: string): Promise<void>;
  /**
   * The host's re-issue, in one transaction: the participant keeps its id and
   * everything else, gets `tokenHash` as its link and `at` as linkReissuedAt;
   * its old link hash and credential hashes are kept as replaced (so the
   * service can say why they are refused) and its credentials end. Null when
   * the session has no such participant; a revoked one is returned unchanged.
   */
  reissueParticipantLink(
    sessionId: string,
    participantId: string,
    tokenHash: string,
    at: string,
  ): Promise<PeerParticipantRecord | null>;
  /** When a link or credential hash was replaced by a re-issue; null when it never was. */
  findReplacedSecret(secretHash: string): Promise<string | null>;
  findParticipantByTokenHash(tokenHash: string): Promise<PeerParticipantRecord | null>;
  findParticipantByPrevious(
    sessionId: string,
    previousParticipantId: string,
  ): Promise<PeerParticipantRecord | null>;
  createCredential(credentialHash: string, participantId: string, expiresAt: string): Promise<void>;
  findCredentialParticipant(credentialHash: string, now: string): Promise<PeerParticipantRecord | null>;
  /**
   * Commits a change atomically: the new sequence number, the change, a
   * snapshot when one is due, and the idempotency record of the operation. A
   * compare-and-set on the session's sequence: when the stored seq is not
   * `expectedSeq` (another writer committed first) nothing is written and
   * SequenceConflictError is thrown, so two writers can never both commit N.
   */
  commitChange(change: PeerChange): Promise<void>;
  /** The seq an operation was committed at, if it was. */
  findOp(sessionId: string, participantId: string, opId: string): Promise<number | null>;
  /** Changes after `afterSeq`, ascending, at most `limit`. */
  changesAfter(sessionId: string, afterSeq: number, limit: number): Promise<PeerChangeRecord[]>;
  /** The latest snapshot taken at or before `seq`, if one was kept. */
  snapshotAtOrBefore(sessionId: string, seq: number): Promise<{ seq: number; state: unknown } | null>;
}

/**
 * What instances serving the same sessions tell each other. A change names
 * only the session and its new seq: the receiver reads the change itself from
 * the log, so a payload never nears NOTIFY's 8,000-byte cap.
 */
export type InstanceMessage =
  | { type: "change"; sessionId: string; seq: number }
  | { type: "presence"; sessionId: string; online: string[]; away: string[] };

/**
 * Best-effort messages between server instances on one database. Never
 * durable: a listener that may have missed messages is told to resync, and
 * catches up from the change log by sequence number.
 */
export interface InstanceBus {
  readonly instanceId: string;
  publish(message: InstanceMessage): Promise<void>;
  /** Messages from other instances (never this one's own). */
  subscribe(listener: (message: InstanceMessage, from: string) => void): void;
  /** Called after the bus reconnected: messages may have been lost meanwhile. */
  onResync(listener: () => void): void;
}

/** Mutual exclusion per key: in this process, and across instances when the backend has several. */
export interface KeyedLocks {
  run<T>(key: string, work: () => Promise<T>): Promise<T>;
}

/**
 * The storage contract every backend implements. Routes depend on this
 * interface only; SQLite and PostgreSQL implement it.
 */
export interface Store {
  /** Short name for health output, e.g. "sqlite". */
  readonly kind: string;
  readonly practice: PracticeRepository;
  readonly calibration: CalibrationRepository;
  readonly sessions: PeerSessionRepository;
  /** Read-modify-write sections of the services run under these. */
  readonly locks: KeyedLocks;
  /** How instances sharing this store hear of each other's changes; null when only one can run. */
  readonly bus: InstanceBus | null;
  /** Cheap round trip proving the store answers. */
  ping(): Promise<void>;
  /** Ids of the migrations applied, in the order applied (their ids sort in that order). */
  appliedMigrations(): Promise<string[]>;
  close(): Promise<void>;
}
