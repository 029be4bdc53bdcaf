import { type ParticipantRow, participantFromRow, type SessionRow, sessionFromRow } from "../rows.js";
import {
  type PeerChange,
  type PeerChangeRecord,
  type PeerParticipantRecord,
  type PeerSessionRecord,
  type PeerSessionRepository,
  SequenceConflictError,
} from "../store.js";
import type { SqliteDatabase } from "./sqlite-store.js";

export class SqliteSessionRepository implements PeerSessionRepository {
  constructor(private readonly db: SqliteDatabase) {}

  private insertParticipant(p: PeerParticipantRecord, tokenHash: string): void {
    this.db
      .prepare(
        `INSERT INTO peer_participants (id, session_id, name, role, token_hash, created_at, revoked_at, previous_participant_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(p.id, p.sessionId, p.name, p.role, tokenHash, p.createdAt, p.revokedAt, p.previousParticipantId);
  }

  async createSession(
    s: PeerSessionRecord,
    participants: { participant: PeerParticipantRecord; tokenHash: string }[],
  ): Promise<void> {
    this.db.transaction(() => {
      this.db
        .prepare(
          "INSERT INTO peer_sessions (id, question_id, state_json, snapshot_seq, seq, created_at, expires_at, previous_session_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        )
        .run(
          s.id,
          s.questionId,
          JSON.stringify(s.state),
          s.snapshotSeq,
          s.seq,
          s.createdAt,
          s.expiresAt,
          s.previousSessionId,
        );
      this.db
        .prepare("INSERT INTO peer_snapshots (session_id, seq, state_json) VALUES (?, ?, ?)")
        .run(s.id, s.snapshotSeq, JSON.stringify(s.state));
      for (const p of participants) this.insertParticipant(p.participant, p.tokenHash);
    })();
  }

  async getSession(id: string): Promise<PeerSessionRecord | null> {
    const row = this.db.prepare("SELECT * FROM peer_sessions WHERE id = ?").get(id) as SessionRow | undefined;
    return row ? sessionFromRow(row) : null;
  }

  async listParticipants(sessionId: string): Promise<PeerParticipantRecord[]> {
    return (
      this.db
        .prepare("SELECT * FROM peer_participants WHERE session_id = ? ORDER BY created_at, rowid")
        .all(sessionId) as ParticipantRow[]
    ).map(participantFromRow);
  }

  async addParticipant(p: PeerParticipantRecord, tokenHash: string): Promise<void> {
    this.insertParticipant(p, tokenHash);
  }

  async revokeParticipant(sessionId: string, participantId: string, at: string): Promise<boolean> {
    return this.db.transaction(() => {
      const changed = this.db
        .prepare(
          "UPDATE peer_participants SET revoked_at = ? WHERE id = ? AND session_id = ? AND revoked_at IS NULL",
        )
        .run(at, participantId, sessionId).changes;
      // Scoped like the update: another session's host must not sign this participant out.
      this.db
        .prepare(
          "DELETE FROM peer_credentials WHERE participant_id IN (SELECT id FROM peer_participants WHERE id = ? AND session_id = ?)",
        )
        .run(participantId, sessionId);
      return changed > 0;
    })();
  }

  async rotateParticipantToken(participantId: string, tokenHash: string): Promise<void> {
    this.db.prepare("UPDATE peer_participants SET token_hash = ? WHERE id = ?").run(tokenHash, participantId);
  }

  async findParticipantByTokenHash(tokenHash: string): Promise<PeerParticipantRecord | null> {
    const row = this.db.prepare("SELECT * FROM peer_participants WHERE token_hash = ?").get(tokenHash) as
      | ParticipantRow
      | undefined;
    return row ? participantFromRow(row) : null;
  }

  async findParticipantByPrevious(
    sessionId: string,
    previousParticipantId: string,
  ): Promise<PeerParticipantRecord | null> {
    const row = this.db
      .prepare("SELECT * FROM peer_participants WHERE session_id = ? AND previous_participant_id = ?")
      .get(sessionId, previousParticipantId) as ParticipantRow | undefined;
    return row ? participantFromRow(row) : null;
  }

  async createCredential(credentialHash: string, participantId: string, expiresAt: string): Promise<void> {
    this.db
      .prepare("INSERT INTO peer_credentials (credential_hash, participant_id, expires_at) VALUES (?, ?, ?)")
      .run(credentialHash, participantId, expiresAt);
  }

  async findCredentialParticipant(
    credentialHash: string,
    now: string,
  ): Promise<PeerParticipantRecord | null> {
    const row = this.db
      .prepare(
        `SELECT p.* FROM peer_credentials c JOIN peer_participants p ON p.id = c.participant_id
         WHERE c.credential_hash = ? AND c.expires_at > ? AND p.revoked_at IS NULL`,
      )
      .get(credentialHash, now) as ParticipantRow | undefined;
    return row ? participantFromRow(row) : null;
  }

  async commitChange({
    sessionId,
    expectedSeq,
    seq,
    change,
    snapshot,
    dropSnapshotsBefore,
    op,
  }: PeerChange): Promise<void> {
    this.db.transaction(() => {
      const updated = this.db
        .prepare("UPDATE peer_sessions SET seq = ? WHERE id = ? AND seq = ?")
        .run(seq, sessionId, expectedSeq);
      // Throwing inside the transaction rolls it back: nothing of a stale change is kept.
      if (updated.changes !== 1) throw new SequenceConflictError(sessionId, expectedSeq);
      if (change) {
        this.db
          .prepare("INSERT INTO peer_changes (session_id, seq, kind, diff_json) VALUES (?, ?, ?, ?)")
          .run(sessionId, seq, change.kind, JSON.stringify(change.diff));
      }
      if (snapshot !== null) {
        const json = JSON.stringify(snapshot);
        this.db
          .prepare("UPDATE peer_sessions SET state_json = ?, snapshot_seq = ? WHERE id = ?")
          .run(json, seq, sessionId);
        this.db
          .prepare("INSERT OR REPLACE INTO peer_snapshots (session_id, seq, state_json) VALUES (?, ?, ?)")
          .run(sessionId, seq, json);
        if (dropSnapshotsBefore !== undefined) {
          this.db
            .prepare("DELETE FROM peer_snapshots WHERE session_id = ? AND seq < ?")
            .run(sessionId, dropSnapshotsBefore);
        }
      }
      if (op) {
        this.db
          .prepare("INSERT INTO peer_ops (session_id, participant_id, op_id, seq) VALUES (?, ?, ?, ?)")
          .run(sessionId, op.participantId, op.opId, seq);
      }
    })();
  }

  async findOp(sessionId: string, participantId: string, opId: string): Promise<number | null> {
    const row = this.db
      .prepare("SELECT seq FROM peer_ops WHERE session_id = ? AND participant_id = ? AND op_id = ?")
      .get(sessionId, participantId, opId) as { seq: number } | undefined;
    return row?.seq ?? null;
  }

  async changesAfter(sessionId: string, afterSeq: number, limit: number): Promise<PeerChangeRecord[]> {
    const rows = this.db
      .prepare(
        "SELECT seq, kind, diff_json FROM peer_changes WHERE session_id = ? AND seq > ? ORDER BY seq LIMIT ?",
      )
      .all(sessionId, afterSeq, limit) as { seq: number; kind: string; diff_json: string }[];
    return rows.map((r) => ({ seq: r.seq, kind: r.kind, diff: JSON.parse(r.diff_json) }));
  }

  async snapshotAtOrBefore(sessionId: string, seq: number): Promise<{ seq: number; state: unknown } | null> {
    const row = this.db
      .prepare(
        "SELECT seq, state_json FROM peer_snapshots WHERE session_id = ? AND seq <= ? ORDER BY seq DESC LIMIT 1",
      )
      .get(sessionId, seq) as { seq: number; state_json: string } | undefined;
    return row ? { seq: row.seq, state: JSON.parse(row.state_json) } : null;
  }
}
