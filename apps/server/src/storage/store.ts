import type { AttemptStatus, ClockStateDto } from "@loopwright/schema";

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
  createPractitioner(id: string, keyHash: string): Promise<void>;
  findPractitionerIdByKeyHash(keyHash: string): Promise<string | null>;
  /** Inserts all attempts (one, or every round of a loop) in one transaction. */
  insertAttempts(attempts: AttemptRecord[]): Promise<void>;
  getAttempt(practitionerId: string, id: string): Promise<AttemptRecord | null>;
  listAttempts(practitionerId: string): Promise<AttemptRecord[]>;
  listLoop(practitionerId: string, loopId: string): Promise<AttemptRecord[]>;
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
}

/**
 * The storage contract every backend implements. Routes depend on this
 * interface only, so a PostgreSQL store can be added without touching them.
 */
export interface Store {
  /** Short name for health output, e.g. "sqlite". */
  readonly kind: string;
  readonly practice: PracticeRepository;
  /** Cheap round trip proving the store answers. */
  ping(): Promise<void>;
  /** Migrations applied, in order. */
  appliedMigrations(): Promise<string[]>;
  close(): Promise<void>;
}
