import {
  PARTICIPANT_COLUMNS,
  type ParticipantRow,
  participantFromRow,
  participantValues,
  type SessionRow,
  sessionFromRow,
} from "../rows.js";
import {
  type InstanceMessage,
  type PeerChange,
  type PeerChangeRecord,
  type PeerParticipantRecord,
  type PeerSessionRecord,
  type PeerSessionRepository,
  SequenceConflictError,
} from "../store.js";
import { affected, one, type Pool, type Queryable, rows, transaction } from "./pool.js";

export class PostgresSessionRepository implements PeerSessionRepository {
  constructor(
    private readonly pool: Pool,
    /** The NOTIFY payload announcing a message to the other instances. */
    private readonly notification: (message: InstanceMessage) => { channel: string; payload: string },
  ) {}

  private async insertParticipant(db: Queryable, p: PeerParticipantRecord, tokenHash: string): Promise<void> {
    await db.query(
      `INSERT INTO peer_participants (${PARTICIPANT_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      participantValues(p, tokenHash),
    );
  }

  async createSession(
    s: PeerSessionRecord,
    participants: { participant: PeerParticipantRecord; tokenHash: string }[],
  ): Promise<void> {
    const state = JSON.stringify(s.state);
    await transaction(this.pool, async (client) => {
      await client.query(
        `INSERT INTO peer_sessions (id, question_id, state_json, snapshot_seq, seq, created_at, expires_at, previous_session_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [s.id, s.questionId, state, s.snapshotSeq, s.seq, s.createdAt, s.expiresAt, s.previousSessionId],
      );
      await client.query("INSERT INTO peer_snapshots (session_id, seq, state_json) VALUES ($1, $2, $3)", [
        s.id,
        s.snapshotSeq,
        state,
      ]);
      for (const p of participants) await this.insertParticipant(client, p.participant, p.tokenHash);
    });
  }

  async getSession(id: string): Promise<PeerSessionRecord | null> {
    const row = await one<SessionRow>(this.pool, "SELECT * FROM peer_sessions WHERE id = $1", [id]);
    return row ? sessionFromRow(row) : null;
  }

  async listParticipants(sessionId: string): Promise<PeerParticipantRecord[]> {
    const found = await rows<ParticipantRow>(
      this.pool,
      "SELECT * FROM peer_participants WHERE session_id = $1 ORDER BY created_at, position",
      [sessionId],
    );
    return found.map(participantFromRow);
  }

  async addParticipant(p: PeerParticipantRecord, tokenHash: string): Promise<void> {
    await this.insertParticipant(this.pool, p, tokenHash);
  }

  async revokeParticipant(sessionId: string, participantId: string, at: string): Promise<boolean> {
    return transaction(this.pool, async (client) => {
      const changed = await affected(
        client,
        "UPDATE peer_participants SET revoked_at = $1 WHERE id = $2 AND session_id = $3 AND revoked_at IS NULL",
        [at, participantId, sessionId],
      );
      // Scoped like the update: another session's host must not sign this participant out.
      await client.query(
        "DELETE FROM peer_credentials WHERE participant_id IN (SELECT id FROM peer_participants WHERE id = $1 AND session_id = $2)",
        [participantId, sessionId],
      );
      return changed > 0;
    });
  }

  async rotateParticipantToken(participantId: string, tokenHash: string): Promise<void> {
    await this.pool.query("UPDATE peer_participants SET token_hash = $1 WHERE id = $2", [
      tokenHash,
      participantId,
    ]);
  }

  async reissueParticipantLink(
    sessionId: string,
    participantId: string,
    tokenHash: string,
    at: string,
  ): Promise<PeerParticipantRecord | null> {
    return transaction(this.pool, async (client) => {
      // Locked for the transaction, so a revocation or another re-issue waits for this one.
      const row = await one<ParticipantRow & { token_hash: string }>(
        client,
        "SELECT * FROM peer_participants WHERE id = $1 AND session_id = $2 FOR UPDATE",
        [participantId, sessionId],
      );
      if (!row) return null;
      if (row.revoked_at !== null) return participantFromRow(row);
      await client.query(
        `INSERT INTO peer_replaced_secrets (secret_hash, participant_id, replaced_at)
         SELECT $1::text, $2::text, $3::text
         UNION ALL SELECT credential_hash, participant_id, $3 FROM peer_credentials WHERE participant_id = $2
         ON CONFLICT (secret_hash) DO NOTHING`,
        [row.token_hash, participantId, at],
      );
      await client.query("DELETE FROM peer_credentials WHERE participant_id = $1", [participantId]);
      await client.query(
        "UPDATE peer_participants SET token_hash = $1, link_reissued_at = $2 WHERE id = $3",
        [tokenHash, at, participantId],
      );
      return participantFromRow({ ...row, link_reissued_at: at });
    });
  }

  async findReplacedSecret(secretHash: string): Promise<string | null> {
    const row = await one<{ replaced_at: string }>(
      this.pool,
      "SELECT replaced_at FROM peer_replaced_secrets WHERE secret_hash = $1",
      [secretHash],
    );
    return row?.replaced_at ?? null;
  }

  async findParticipantByTokenHash(tokenHash: string): Promise<PeerParticipantRecord | null> {
    const row = await one<ParticipantRow>(
      this.pool,
      "SELECT * FROM peer_participants WHERE token_hash = $1",
      [tokenHash],
    );
    return row ? participantFromRow(row) : null;
  }

  async findParticipantByPrevious(
    sessionId: string,
    previousParticipantId: string,
  ): Promise<PeerParticipantRecord | null> {
    const row = await one<ParticipantRow>(
      this.pool,
      "SELECT * FROM peer_participants WHERE session_id = $1 AND previous_participant_id = $2",
      [sessionId, previousParticipantId],
    );
    return row ? participantFromRow(row) : null;
  }

  async createCredential(credentialHash: string, participantId: string, expiresAt: string): Promise<void> {
    await this.pool.query(
      "INSERT INTO peer_credentials (credential_hash, participant_id, expires_at) VALUES ($1, $2, $3)",
      [credentialHash, participantId, expiresAt],
    );
  }

  async findCredentialParticipant(
    credentialHash: string,
    now: string,
  ): Promise<PeerParticipantRecord | null> {
    const row = await one<ParticipantRow>(
      this.pool,
      `SELECT p.* FROM peer_credentials c JOIN peer_participants p ON p.id = c.participant_id
       WHERE c.credential_hash = $1 AND c.expires_at > $2 AND p.revoked_at IS NULL`,
      [credentialHash, now],
    );
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
    await transaction(this.pool, async (client) => {
      // Under READ COMMITTED a second writer waits for the first's row lock, then re-reads the
      // row: its `seq = expectedSeq` no longer holds, so it updates nothing and gives up.
      const updated = await affected(client, "UPDATE peer_sessions SET seq = $1 WHERE id = $2 AND seq = $3", [
        seq,
        sessionId,
        expectedSeq,
      ]);
      if (updated !== 1) throw new SequenceConflictError(sessionId, expectedSeq);
      if (change) {
        await client.query(
          "INSERT INTO peer_changes (session_id, seq, kind, diff_json) VALUES ($1, $2, $3, $4)",
          [sessionId, seq, change.kind, JSON.stringify(change.diff)],
        );
      }
      if (snapshot !== null) {
        const json = JSON.stringify(snapshot);
        await client.query("UPDATE peer_sessions SET state_json = $1, snapshot_seq = $2 WHERE id = $3", [
          json,
          seq,
          sessionId,
        ]);
        await client.query(
          `INSERT INTO peer_snapshots (session_id, seq, state_json) VALUES ($1, $2, $3)
           ON CONFLICT (session_id, seq) DO UPDATE SET state_json = excluded.state_json`,
          [sessionId, seq, json],
        );
        if (dropSnapshotsBefore !== undefined) {
          await client.query("DELETE FROM peer_snapshots WHERE session_id = $1 AND seq < $2", [
            sessionId,
            dropSnapshotsBefore,
          ]);
        }
      }
      if (op) {
        await client.query(
          "INSERT INTO peer_ops (session_id, participant_id, op_id, seq) VALUES ($1, $2, $3, $4)",
          [sessionId, op.participantId, op.opId, seq],
        );
      }
      if (seq !== expectedSeq) {
        // Sent with the transaction: other instances hear of the change exactly when it is committed.
        const { channel, payload } = this.notification({ type: "change", sessionId, seq });
        await client.query("SELECT pg_notify($1, $2)", [channel, payload]);
      }
    });
  }

  async findOp(sessionId: string, participantId: string, opId: string): Promise<number | null> {
    const row = await one<{ seq: number }>(
      this.pool,
      "SELECT seq FROM peer_ops WHERE session_id = $1 AND participant_id = $2 AND op_id = $3",
      [sessionId, participantId, opId],
    );
    return row?.seq ?? null;
  }

  async changesAfter(sessionId: string, afterSeq: number, limit: number): Promise<PeerChangeRecord[]> {
    const found = await rows<{ seq: number; kind: string; diff_json: string }>(
      this.pool,
      "SELECT seq, kind, diff_json FROM peer_changes WHERE session_id = $1 AND seq > $2 ORDER BY seq LIMIT $3",
      [sessionId, afterSeq, limit],
    );
    return found.map((r) => ({ seq: r.seq, kind: r.kind, diff: JSON.parse(r.diff_json) }));
  }

  async snapshotAtOrBefore(sessionId: string, seq: number): Promise<{ seq: number; state: unknown } | null> {
    const row = await one<{ seq: number; state_json: string }>(
      this.pool,
      "SELECT seq, state_json FROM peer_snapshots WHERE session_id = $1 AND seq <= $2 ORDER BY seq DESC LIMIT 1",
      [sessionId, seq],
    );
    return row ? { seq: row.seq, state: JSON.parse(row.state_json) } : null;
  }
}
