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
import { affected, one, type Pool, rows, transaction } from "./pool.js";

const ATTEMPT_PLACEHOLDERS = ATTEMPT_COLUMNS.split(",")
  .map((_, i) => `$${i + 1}`)
  .join(", ");

export class PostgresPracticeRepository implements PracticeRepository {
  constructor(private readonly pool: Pool) {}

  async createPractitioner(id: string, keyHash: string): Promise<void> {
    await this.pool.query("INSERT INTO practitioners (id, key_hash, created_at) VALUES ($1, $2, $3)", [
      id,
      keyHash,
      new Date().toISOString(),
    ]);
  }

  async findPractitionerIdByKeyHash(keyHash: string): Promise<string | null> {
    const row = await one<{ id: string }>(this.pool, "SELECT id FROM practitioners WHERE key_hash = $1", [
      keyHash,
    ]);
    return row?.id ?? null;
  }

  async insertAttempts(attempts: AttemptRecord[]): Promise<void> {
    await transaction(this.pool, async (client) => {
      for (const a of attempts) {
        await client.query(
          `INSERT INTO attempts (${ATTEMPT_COLUMNS}) VALUES (${ATTEMPT_PLACEHOLDERS})`,
          attemptValues(a),
        );
      }
    });
  }

  async getAttempt(practitionerId: string, id: string): Promise<AttemptRecord | null> {
    const row = await one<AttemptRow>(
      this.pool,
      "SELECT * FROM attempts WHERE id = $1 AND practitioner_id = $2",
      [id, practitionerId],
    );
    return row ? attemptFromRow(row) : null;
  }

  async listAttempts(practitionerId: string): Promise<AttemptRecord[]> {
    // NULLS LAST: where SQLite puts them when sorting descending.
    const found = await rows<AttemptRow>(
      this.pool,
      "SELECT * FROM attempts WHERE practitioner_id = $1 ORDER BY created_at DESC, loop_position DESC NULLS LAST",
      [practitionerId],
    );
    return found.map(attemptFromRow);
  }

  async listLoop(practitionerId: string, loopId: string): Promise<AttemptRecord[]> {
    const found = await rows<AttemptRow>(
      this.pool,
      "SELECT * FROM attempts WHERE practitioner_id = $1 AND loop_id = $2 ORDER BY loop_position",
      [practitionerId, loopId],
    );
    return found.map(attemptFromRow);
  }

  async updateAttempt(practitionerId: string, id: string, patch: AttemptPatch): Promise<void> {
    const { columns, values } = attemptPatchColumns(patch);
    if (columns.length === 0) return;
    const sets = columns.map((column, i) => `${column} = $${i + 1}`).join(", ");
    await this.pool.query(
      `UPDATE attempts SET ${sets} WHERE id = $${columns.length + 1} AND practitioner_id = $${columns.length + 2}`,
      [...values, id, practitionerId],
    );
  }

  async saveAnswer(
    practitionerId: string,
    id: string,
    text: string,
    revision: number,
    savedAt: string,
  ): Promise<SaveAnswerOutcome> {
    // One statement: the revision check and the write cannot be separated by another writer.
    const updated = await one<{ answer_revision: number; answer_saved_at: string | null }>(
      this.pool,
      `UPDATE attempts SET answer_text = $1, answer_revision = $2, answer_saved_at = $3
       WHERE id = $4 AND practitioner_id = $5 AND answer_revision < $2
       RETURNING answer_revision, answer_saved_at`,
      [text, revision, savedAt, id, practitionerId],
    );
    if (updated)
      return { applied: true, revision: updated.answer_revision, savedAt: updated.answer_saved_at };
    const row = await one<{ answer_revision: number; answer_saved_at: string | null }>(
      this.pool,
      "SELECT answer_revision, answer_saved_at FROM attempts WHERE id = $1 AND practitioner_id = $2",
      [id, practitionerId],
    );
    return { applied: false, revision: row?.answer_revision ?? 0, savedAt: row?.answer_saved_at ?? null };
  }

  async deleteAttempt(practitionerId: string, id: string): Promise<number> {
    return affected(this.pool, "DELETE FROM attempts WHERE id = $1 AND practitioner_id = $2", [
      id,
      practitionerId,
    ]);
  }

  async deleteAllAttempts(practitionerId: string): Promise<number> {
    return affected(this.pool, "DELETE FROM attempts WHERE practitioner_id = $1", [practitionerId]);
  }

  async deletePeerFeedback(practitionerId: string, id: string): Promise<number> {
    return affected(this.pool, "DELETE FROM peer_feedback_entries WHERE id = $1 AND practitioner_id = $2", [
      id,
      practitionerId,
    ]);
  }

  async deleteAllPeerFeedback(practitionerId: string): Promise<number> {
    return affected(this.pool, "DELETE FROM peer_feedback_entries WHERE practitioner_id = $1", [
      practitionerId,
    ]);
  }

  async savePeerFeedback(entry: PeerFeedbackRecord) {
    return transaction(this.pool, async (client) => {
      const created =
        (await affected(
          client,
          `INSERT INTO peer_feedback_entries (${PEER_FEEDBACK_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
           ON CONFLICT (practitioner_id, session_id) DO NOTHING`,
          peerFeedbackValues(entry),
        )) > 0;
      const row = (await one<PeerFeedbackRow>(
        client,
        "SELECT * FROM peer_feedback_entries WHERE practitioner_id = $1 AND session_id = $2",
        [entry.practitionerId, entry.sessionId],
      )) as PeerFeedbackRow;
      return { entry: peerFeedbackFromRow(row), created };
    });
  }

  async listPeerFeedback(practitionerId: string): Promise<PeerFeedbackRecord[]> {
    const found = await rows<PeerFeedbackRow>(
      this.pool,
      "SELECT * FROM peer_feedback_entries WHERE practitioner_id = $1 ORDER BY session_date DESC, saved_at DESC",
      [practitionerId],
    );
    return found.map(peerFeedbackFromRow);
  }

  async getPeerFeedback(practitionerId: string, id: string): Promise<PeerFeedbackRecord | null> {
    const row = await one<PeerFeedbackRow>(
      this.pool,
      "SELECT * FROM peer_feedback_entries WHERE id = $1 AND practitioner_id = $2",
      [id, practitionerId],
    );
    return row ? peerFeedbackFromRow(row) : null;
  }
}
