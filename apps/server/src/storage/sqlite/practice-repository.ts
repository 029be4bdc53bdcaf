import type { AttemptStatus } from "@loopwright/schema";
import type { AttemptPatch, AttemptRecord, PracticeRepository, SaveAnswerOutcome } from "../store.js";
import type { SqliteDatabase } from "./sqlite-store.js";

interface AttemptRow {
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

function fromRow(row: AttemptRow): AttemptRecord {
  return {
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
  };
}

const PATCH_COLUMNS: Record<keyof AttemptPatch, [string, (v: unknown) => unknown]> = {
  status: ["status", (v) => v],
  clock: ["clock_json", (v) => JSON.stringify(v)],
  selfScores: ["self_scores_json", (v) => (v === null ? null : JSON.stringify(v))],
  reflection: ["reflection", (v) => v],
  completedAt: ["completed_at", (v) => v],
};

export class SqlitePracticeRepository implements PracticeRepository {
  constructor(private readonly db: SqliteDatabase) {}

  async createPractitioner(id: string, keyHash: string): Promise<void> {
    this.db
      .prepare("INSERT INTO practitioners (id, key_hash, created_at) VALUES (?, ?, ?)")
      .run(id, keyHash, new Date().toISOString());
  }

  async findPractitionerIdByKeyHash(keyHash: string): Promise<string | null> {
    const row = this.db.prepare("SELECT id FROM practitioners WHERE key_hash = ?").get(keyHash) as
      | { id: string }
      | undefined;
    return row?.id ?? null;
  }

  async insertAttempts(attempts: AttemptRecord[]): Promise<void> {
    const insert = this.db.prepare(
      `INSERT INTO attempts (id, practitioner_id, question_id, loop_id, loop_position, status, clock_json,
         answer_text, answer_revision, answer_saved_at, self_scores_json, reflection, created_at, completed_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.db.transaction(() => {
      for (const a of attempts) {
        insert.run(
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
        );
      }
    })();
  }

  async getAttempt(practitionerId: string, id: string): Promise<AttemptRecord | null> {
    const row = this.db
      .prepare("SELECT * FROM attempts WHERE id = ? AND practitioner_id = ?")
      .get(id, practitionerId) as AttemptRow | undefined;
    return row ? fromRow(row) : null;
  }

  async listAttempts(practitionerId: string): Promise<AttemptRecord[]> {
    const rows = this.db
      .prepare(
        "SELECT * FROM attempts WHERE practitioner_id = ? ORDER BY created_at DESC, loop_position DESC",
      )
      .all(practitionerId) as AttemptRow[];
    return rows.map(fromRow);
  }

  async listLoop(practitionerId: string, loopId: string): Promise<AttemptRecord[]> {
    const rows = this.db
      .prepare("SELECT * FROM attempts WHERE practitioner_id = ? AND loop_id = ? ORDER BY loop_position")
      .all(practitionerId, loopId) as AttemptRow[];
    return rows.map(fromRow);
  }

  async updateAttempt(practitionerId: string, id: string, patch: AttemptPatch): Promise<void> {
    const entries = Object.entries(patch).filter(([, v]) => v !== undefined) as [
      keyof AttemptPatch,
      unknown,
    ][];
    if (entries.length === 0) return;
    const sets = entries.map(([key]) => `${PATCH_COLUMNS[key][0]} = ?`).join(", ");
    const values = entries.map(([key, value]) => PATCH_COLUMNS[key][1](value));
    this.db
      .prepare(`UPDATE attempts SET ${sets} WHERE id = ? AND practitioner_id = ?`)
      .run(...(values as never[]), id, practitionerId);
  }

  async saveAnswer(
    practitionerId: string,
    id: string,
    text: string,
    revision: number,
    savedAt: string,
  ): Promise<SaveAnswerOutcome> {
    const result = this.db
      .prepare(
        `UPDATE attempts SET answer_text = ?, answer_revision = ?, answer_saved_at = ?
         WHERE id = ? AND practitioner_id = ? AND answer_revision < ?`,
      )
      .run(text, revision, savedAt, id, practitionerId, revision);
    const row = this.db
      .prepare("SELECT answer_revision, answer_saved_at FROM attempts WHERE id = ? AND practitioner_id = ?")
      .get(id, practitionerId) as { answer_revision: number; answer_saved_at: string | null };
    return { applied: result.changes > 0, revision: row.answer_revision, savedAt: row.answer_saved_at };
  }

  async deleteAttempt(practitionerId: string, id: string): Promise<number> {
    return this.db
      .prepare("DELETE FROM attempts WHERE id = ? AND practitioner_id = ?")
      .run(id, practitionerId).changes;
  }

  async deleteAllAttempts(practitionerId: string): Promise<number> {
    return this.db.prepare("DELETE FROM attempts WHERE practitioner_id = ?").run(practitionerId).changes;
  }
}
