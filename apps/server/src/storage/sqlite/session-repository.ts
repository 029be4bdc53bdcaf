import type Database from "better-sqlite3";
import {
  PARTICIPANT_COLUMNS,
  type ParticipantRow,
  participantFromRow,
  participantValues,
  type SessionRow,
  sessionFromRow,
} from "../rows.js";
import {
  type PeerChange,
  type PeerChangeRecord,
  type PeerParticipantRecord,
  type PeerSessionRecord,
  type PeerSessionRepository,
  SequenceConflictError,
} from "../store.js";
import type { SqliteDatabase } from "./sqlite-store.js";

interface QueuedCommit {
  change: PeerChange;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export class SqliteSessionRepository implements PeerSessionRepository {
  /** Compiling SQL costs more than running these small statements, so each is prepared once. */
  private readonly statements = new Map<string, Database.Statement>();
  /** Commits waiting for this turn of the event loop to end; see commitChange. */
  private queued: QueuedCommit[] = [];
  private readonly applyChange: (change: PeerChange) => void;
  private readonly commitQueued: (batch: QueuedCommit[], outcomes: unknown[]) => void;

  constructor(private readonly db: SqliteDatabase) {
    this.applyChange = db.transaction((change: PeerChange) => this.writeChange(change));
    this.commitQueued = db.transaction((batch: QueuedCommit[], outcomes: unknown[]) => {
      for (const { change } of batch) {
        try {
          // Inside the batch's transaction this is a SAVEPOINT: a failed change undoes only itself.
          this.applyChange(change);
          outcomes.push(null);
        } catch (error) {
          // Some errors make SQLite abandon the whole transaction; then nothing of the batch stands.
          if (!db.inTransaction) throw error;
          outcomes.push(error);
        }
      }
    });
  }

  private sql(source: string): Database.Statement {
    let statement = this.statements.get(source);
    if (!statement) {
      statement = this.db.prepare(source);
      this.statements.set(source, statement);
    }
    return statement;
  }

  private insertParticipant(p: PeerParticipantRecord, tokenHash: string): void {
    this.sql(`INSERT INTO peer_participants (${PARTICIPANT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
      ...participantValues(p, tokenHash),
    );
  }

  async createSession(
    s: PeerSessionRecord,
    participants: { participant: PeerParticipantRecord; tokenHash: string }[],
  ): Promise<void> {
    this.db.transaction(() => {
      this.sql(
        "INSERT INTO peer_sessions (id, question_id, state_json, snapshot_seq, seq, created_at, expires_at, previous_session_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      ).run(
        s.id,
        s.questionId,
        JSON.stringify(s.state),
        s.snapshotSeq,
        s.seq,
        s.createdAt,
        s.expiresAt,
        s.previousSessionId,
      );
      this.sql("INSERT INTO peer_snapshots (session_id, seq, state_json) VALUES (?, ?, ?)").run(
        s.id,
        s.snapshotSeq,
        JSON.stringify(s.state),
      );
      for (const p of participants) this.insertParticipant(p.participant, p.tokenHash);
    })();
  }

  async getSession(id: string): Promise<PeerSessionRecord | null> {
    const row = this.sql("SELECT * FROM peer_sessions WHERE id = ?").get(id) as SessionRow | undefined;
    return row ? sessionFromRow(row) : null;
  }

  async listParticipants(sessionId: string): Promise<PeerParticipantRecord[]> {
    return (
      this.sql("SELECT * FROM peer_participants WHERE session_id = ? ORDER BY created_at, rowid").all(
        sessionId,
      ) as ParticipantRow[]
    ).map(participantFromRow);
  }

  async addParticipant(p: PeerParticipantRecord, tokenHash: string): Promise<void> {
    this.insertParticipant(p, tokenHash);
  }

  async revokeParticipant(sessionId: string, participantId: string, at: string): Promise<boolean> {
    return this.db.transaction(() => {
      const changed = this.sql(
        "UPDATE peer_participants SET revoked_at = ? WHERE id = ? AND session_id = ? AND revoked_at IS NULL",
      ).run(at, participantId, sessionId).changes;
      // Scoped like the update: another session's host must not sign this participant out.
      this.sql(
        "DELETE FROM peer_credentials WHERE participant_id IN (SELECT id FROM peer_participants WHERE id = ? AND session_id = ?)",
      ).run(participantId, sessionId);
      return changed > 0;
    })();
  }

  async rotateParticipantToken(participantId: string, tokenHash: string): Promise<void> {
    this.sql("UPDATE peer_participants SET token_hash = ? WHERE id = ?").run(tokenHash, participantId);
  }

  async reissueParticipantLink(
    sessionId: string,
    participantId: string,
    tokenHash: string,
    at: string,
  ): Promise<PeerParticipantRecord | null> {
    return this.db.transaction(() => {
      const row = this.sql("SELECT * FROM peer_participants WHERE id = ? AND session_id = ?").get(
        participantId,
        sessionId,
      ) as (ParticipantRow & { token_hash: string }) | undefined;
      if (!row) return null;
      if (row.revoked_at !== null) return participantFromRow(row);
      const replace = this.sql(
        "INSERT OR IGNORE INTO peer_replaced_secrets (secret_hash, participant_id, replaced_at) VALUES (?, ?, ?)",
      );
      replace.run(row.token_hash, participantId, at);
      const credentials = this.sql(
        "SELECT credential_hash FROM peer_credentials WHERE participant_id = ?",
      ).all(participantId) as { credential_hash: string }[];
      for (const c of credentials) replace.run(c.credential_hash, participantId, at);
      this.sql("DELETE FROM peer_credentials WHERE participant_id = ?").run(participantId);
      this.sql("UPDATE peer_participants SET token_hash = ?, link_reissued_at = ? WHERE id = ?").run(
        tokenHash,
        at,
        participantId,
      );
      return participantFromRow({ ...row, link_reissued_at: at });
    })();
  }

  async findReplacedSecret(secretHash: string): Promise<string | null> {
    const row = this.sql("SELECT replaced_at FROM peer_replaced_secrets WHERE secret_hash = ?").get(
      secretHash,
    ) as { replaced_at: string } | undefined;
    return row?.replaced_at ?? null;
  }

  async findParticipantByTokenHash(tokenHash: string): Promise<PeerParticipantRecord | null> {
    const row = this.sql("SELECT * FROM peer_participants WHERE token_hash = ?").get(tokenHash) as
      | ParticipantRow
      | undefined;
    return row ? participantFromRow(row) : null;
  }

  async findParticipantByPrevious(
    sessionId: string,
    previousParticipantId: string,
  ): Promise<PeerParticipantRecord | null> {
    const row = this.sql(
      "SELECT * FROM peer_participants WHERE session_id = ? AND previous_participant_id = ?",
    ).get(sessionId, previousParticipantId) as ParticipantRow | undefined;
    return row ? participantFromRow(row) : null;
  }

  async createCredential(credentialHash: string, participantId: string, expiresAt: string): Promise<void> {
    this.sql(
      "INSERT INTO peer_credentials (credential_hash, participant_id, expires_at) VALUES (?, ?, ?)",
    ).run(credentialHash, participantId, expiresAt);
  }

  async findCredentialParticipant(
    credentialHash: string,
    now: string,
  ): Promise<PeerParticipantRecord | null> {
    const row = this.sql(
      `SELECT p.* FROM peer_credentials c JOIN peer_participants p ON p.id = c.participant_id
         WHERE c.credential_hash = ? AND c.expires_at > ? AND p.revoked_at IS NULL`,
    ).get(credentialHash, now) as ParticipantRow | undefined;
    return row ? participantFromRow(row) : null;
  }

  /**
   * Group commit. With synchronous=FULL every COMMIT waits for an fsync, and
   * better-sqlite3 waits on the event loop, so one transaction per change
   * caps a busy server at one fsync per change and stalls every socket
   * meanwhile. Changes asked for in the same turn of the event loop are
   * written in one transaction instead, each in its own savepoint, so each
   * keeps its own compare-and-set and its own failure (S-SEQ-1, S-SEQ-2);
   * none resolves before that transaction has committed (P-DUR-1).
   */
  commitChange(change: PeerChange): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queued.push({ change, resolve, reject });
      if (this.queued.length === 1) setImmediate(() => this.flush());
    });
  }

  private flush(): void {
    const batch = this.queued;
    this.queued = [];
    const outcomes: unknown[] = [];
    try {
      this.commitQueued(batch, outcomes);
    } catch {
      // The batch as a whole failed (the COMMIT itself, or an error that ended the transaction):
      // each change is tried again on its own, so each gets the answer it would have alone.
      for (const queued of batch) {
        try {
          this.applyChange(queued.change);
          queued.resolve();
        } catch (error) {
          queued.reject(error);
        }
      }
      return;
    }
    for (const [i, queued] of batch.entries()) {
      if (outcomes[i] === null) queued.resolve();
      else queued.reject(outcomes[i]);
    }
  }

  private writeChange({
    sessionId,
    expectedSeq,
    seq,
    change,
    snapshot,
    dropSnapshotsBefore,
    op,
  }: PeerChange): void {
    const updated = this.sql("UPDATE peer_sessions SET seq = ? WHERE id = ? AND seq = ?").run(
      seq,
      sessionId,
      expectedSeq,
    );
    // Throwing inside the transaction rolls it back: nothing of a stale change is kept.
    if (updated.changes !== 1) throw new SequenceConflictError(sessionId, expectedSeq);
    if (change) {
      this.sql("INSERT INTO peer_changes (session_id, seq, kind, diff_json) VALUES (?, ?, ?, ?)").run(
        sessionId,
        seq,
        change.kind,
        JSON.stringify(change.diff),
      );
    }
    if (snapshot !== null) {
      const json = JSON.stringify(snapshot);
      this.sql("UPDATE peer_sessions SET state_json = ?, snapshot_seq = ? WHERE id = ?").run(
        json,
        seq,
        sessionId,
      );
      this.sql("INSERT OR REPLACE INTO peer_snapshots (session_id, seq, state_json) VALUES (?, ?, ?)").run(
        sessionId,
        seq,
        json,
      );
      if (dropSnapshotsBefore !== undefined) {
        this.sql("DELETE FROM peer_snapshots WHERE session_id = ? AND seq < ?").run(
          sessionId,
          dropSnapshotsBefore,
        );
      }
    }
    if (op) {
      this.sql("INSERT INTO peer_ops (session_id, participant_id, op_id, seq) VALUES (?, ?, ?, ?)").run(
        sessionId,
        op.participantId,
        op.opId,
        seq,
      );
    }
  }

  async findOp(sessionId: string, participantId: string, opId: string): Promise<number | null> {
    const row = this.sql(
      "SELECT seq FROM peer_ops WHERE session_id = ? AND participant_id = ? AND op_id = ?",
    ).get(sessionId, participantId, opId) as { seq: number } | undefined;
    return row?.seq ?? null;
  }

  async changesAfter(sessionId: string, afterSeq: number, limit: number): Promise<PeerChangeRecord[]> {
    const rows = this.sql(
      "SELECT seq, kind, diff_json FROM peer_changes WHERE session_id = ? AND seq > ? ORDER BY seq LIMIT ?",
    ).all(sessionId, afterSeq, limit) as { seq: number; kind: string; diff_json: string }[];
    return rows.map((r) => ({ seq: r.seq, kind: r.kind, diff: JSON.parse(r.diff_json) }));
  }

  async snapshotAtOrBefore(sessionId: string, seq: number): Promise<{ seq: number; state: unknown } | null> {
    const row = this.sql(
      "SELECT seq, state_json FROM peer_snapshots WHERE session_id = ? AND seq <= ? ORDER BY seq DESC LIMIT 1",
    ).get(sessionId, seq) as { seq: number; state_json: string } | undefined;
    return row ? { seq: row.seq, state: JSON.parse(row.state_json) } : null;
  }
}
