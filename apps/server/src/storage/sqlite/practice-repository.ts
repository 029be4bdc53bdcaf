import {
  ATTEMPT_COLUMNS,
  type AttemptRow,
  attemptFromRow,
  attemptPatchColumns,
  attemptValues,
  PEER_FEEDBACK_COLUMNS,
  type PeerFeedbackRow,
  peerFeedbackFromRow,
  peerFeedbackValues,
} from "../rows.js";
import type {
  AttemptPatch,
  AttemptRecord,
  PeerFeedbackRecord,
  PracticeRepository,
  SaveAnswerOutcome,
} from "../store.js";
import type { SqliteDatabase } from "./sqlite-store.js";

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
      `INSERT INTO attempts (${ATTEMPT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.db.transaction(() => {
      for (const a of attempts) {
        insert.run(...attemptValues(a));
      }
    })();
  }

  async getAttempt(practitionerId: string, id: string): Promise<AttemptRecord | null> {
    const row = this.db
      .prepare("SELECT * FROM attempts WHERE id = ? AND practitioner_id = ?")
      .get(id, practitionerId) as AttemptRow | undefined;
    return row ? attemptFromRow(row) : null;
  }

  async listAttempts(practitionerId: string): Promise<AttemptRecord[]> {
    const rows = this.db
      .prepare(
        "SELECT * FROM attempts WHERE practitioner_id = ? ORDER BY created_at DESC, loop_position DESC",
      )
      .all(practitionerId) as AttemptRow[];
    return rows.map(attemptFromRow);
  }

  async listLoop(practitionerId: string, loopId: string): Promise<AttemptRecord[]> {
    const rows = this.db
      .prepare("SELECT * FROM attempts WHERE practitioner_id = ? AND loop_id = ? ORDER BY loop_position")
      .all(practitionerId, loopId) as AttemptRow[];
    return rows.map(attemptFromRow);
  }

  async updateAttempt(practitionerId: string, id: string, patch: AttemptPatch): Promise<void> {
    const { columns, values } = attemptPatchColumns(patch);
    if (columns.length === 0) return;
    const sets = columns.map((column) => `${column} = ?`).join(", ");
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
      .get(id, practitionerId) as { answer_revision: number; answer_saved_at: string | null } | undefined;
    return {
      applied: result.changes > 0,
      revision: row?.answer_revision ?? 0,
      savedAt: row?.answer_saved_at ?? null,
    };
  }

  async deleteAttempt(practitionerId: string, id: string): Promise<number> {
    return this.db
      .prepare("DELETE FROM attempts WHERE id = ? AND practitioner_id = ?")
      .run(id, practitionerId).changes;
  }

  async deleteAllAttempts(practitionerId: string): Promise<number> {
    return this.db.prepare("DELETE FROM attempts WHERE practitioner_id = ?").run(practitionerId).changes;
  }

  async deletePeerFeedback(practitionerId: string, id: string): Promise<number> {
    return this.db
      .prepare("DELETE FROM peer_feedback_entries WHERE id = ? AND practitioner_id = ?")
      .run(id, practitionerId).changes;
  }

  async deleteAllPeerFeedback(practitionerId: string): Promise<number> {
    return this.db.prepare("DELETE FROM peer_feedback_entries WHERE practitioner_id = ?").run(practitionerId)
      .changes;
  }

  async savePeerFeedback(entry: PeerFeedbackRecord) {
    return this.db.transaction(() => {
      const created =
        this.db
          .prepare(
            `INSERT INTO peer_feedback_entries (${PEER_FEEDBACK_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
             ON CONFLICT (practitioner_id, session_id) DO NOTHING`,
          )
          .run(...peerFeedbackValues(entry)).changes > 0;
      const row = this.db
        .prepare("SELECT * FROM peer_feedback_entries WHERE practitioner_id = ? AND session_id = ?")
        .get(entry.practitionerId, entry.sessionId) as PeerFeedbackRow;
      return { entry: peerFeedbackFromRow(row), created };
    })();
  }

  async listPeerFeedback(practitionerId: string): Promise<PeerFeedbackRecord[]> {
    const found = this.db
      .prepare(
        "SELECT * FROM peer_feedback_entries WHERE practitioner_id = ? ORDER BY session_date DESC, saved_at DESC",
      )
      .all(practitionerId) as PeerFeedbackRow[];
    return found.map(peerFeedbackFromRow);
  }

  async getPeerFeedback(practitionerId: string, id: string): Promise<PeerFeedbackRecord | null> {
    const row = this.db
      .prepare("SELECT * FROM peer_feedback_entries WHERE id = ? AND practitioner_id = ?")
      .get(id, practitionerId) as PeerFeedbackRow | undefined;
    return row ? peerFeedbackFromRow(row) : null;
  }
}
