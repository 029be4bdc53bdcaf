import {
  type ExerciseRow,
  exerciseFromRow,
  type LoopRow,
  loopFromRow,
  type MemberRow,
  memberFromRow,
  type ScoreRow,
  scoreFromRow,
} from "../rows.js";
import type {
  CalibrationRepository,
  ExerciseRecord,
  LoopRecord,
  MemberRecord,
  ScoreRecord,
  WorkspaceRecord,
} from "../store.js";
import type { SqliteDatabase } from "./sqlite-store.js";

export class SqliteCalibrationRepository implements CalibrationRepository {
  constructor(private readonly db: SqliteDatabase) {}

  private insertMember(m: MemberRecord, tokenHash: string): void {
    this.db
      .prepare(
        "INSERT INTO members (id, workspace_id, name, role, token_hash, created_at, expires_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      )
      .run(m.id, m.workspaceId, m.name, m.role, tokenHash, m.createdAt, m.expiresAt, m.revokedAt);
  }

  async createWorkspace(
    workspace: WorkspaceRecord,
    admin: MemberRecord,
    adminTokenHash: string,
  ): Promise<void> {
    this.db.transaction(() => {
      this.db
        .prepare("INSERT INTO workspaces (id, name, created_at) VALUES (?, ?, ?)")
        .run(workspace.id, workspace.name, workspace.createdAt);
      this.insertMember(admin, adminTokenHash);
    })();
  }

  async getWorkspace(id: string): Promise<WorkspaceRecord | null> {
    const row = this.db.prepare("SELECT id, name, created_at FROM workspaces WHERE id = ?").get(id) as
      | { id: string; name: string; created_at: string }
      | undefined;
    return row ? { id: row.id, name: row.name, createdAt: row.created_at } : null;
  }

  async addMember(m: MemberRecord, tokenHash: string): Promise<void> {
    this.insertMember(m, tokenHash);
  }

  async listMembers(workspaceId: string): Promise<MemberRecord[]> {
    return (
      this.db
        .prepare("SELECT * FROM members WHERE workspace_id = ? ORDER BY created_at, name")
        .all(workspaceId) as MemberRow[]
    ).map(memberFromRow);
  }

  async findMemberByTokenHash(tokenHash: string): Promise<MemberRecord | null> {
    const row = this.db.prepare("SELECT * FROM members WHERE token_hash = ?").get(tokenHash) as
      | MemberRow
      | undefined;
    return row ? memberFromRow(row) : null;
  }

  async revokeMember(workspaceId: string, memberId: string, at: string): Promise<boolean> {
    const changed = this.db.transaction(() => {
      const result = this.db
        .prepare("UPDATE members SET revoked_at = ? WHERE id = ? AND workspace_id = ? AND revoked_at IS NULL")
        .run(at, memberId, workspaceId);
      // Scoped like the update: another workspace's admin must not sign this member out.
      this.db
        .prepare(
          "DELETE FROM member_credentials WHERE member_id IN (SELECT id FROM members WHERE id = ? AND workspace_id = ?)",
        )
        .run(memberId, workspaceId);
      return result.changes > 0;
    })();
    return changed;
  }

  async replaceMemberToken(
    workspaceId: string,
    memberId: string,
    tokenHash: string,
    expiresAt: string,
    at: string,
  ): Promise<boolean> {
    return this.db.transaction(() => {
      const row = this.db
        .prepare("SELECT token_hash FROM members WHERE id = ? AND workspace_id = ? AND revoked_at IS NULL")
        .get(memberId, workspaceId) as { token_hash: string } | undefined;
      if (!row) return false;
      this.db
        .prepare("INSERT INTO member_replaced_links (token_hash, member_id, replaced_at) VALUES (?, ?, ?)")
        .run(row.token_hash, memberId, at);
      this.db
        .prepare("UPDATE members SET token_hash = ?, expires_at = ? WHERE id = ?")
        .run(tokenHash, expiresAt, memberId);
      this.db.prepare("DELETE FROM member_credentials WHERE member_id = ?").run(memberId);
      return true;
    })();
  }

  async findReplacedLink(tokenHash: string): Promise<{ member: MemberRecord; replacedAt: string } | null> {
    const row = this.db
      .prepare(
        `SELECT m.*, r.replaced_at AS replaced_at FROM member_replaced_links r JOIN members m ON m.id = r.member_id
         WHERE r.token_hash = ?`,
      )
      .get(tokenHash) as (MemberRow & { replaced_at: string }) | undefined;
    return row ? { member: memberFromRow(row), replacedAt: row.replaced_at } : null;
  }

  async createMemberCredential(credentialHash: string, memberId: string, expiresAt: string): Promise<void> {
    this.db
      .prepare("INSERT INTO member_credentials (credential_hash, member_id, expires_at) VALUES (?, ?, ?)")
      .run(credentialHash, memberId, expiresAt);
  }

  async findCredentialMember(credentialHash: string, now: string): Promise<MemberRecord | null> {
    const row = this.db
      .prepare(
        `SELECT m.* FROM member_credentials c JOIN members m ON m.id = c.member_id
         WHERE c.credential_hash = ? AND c.expires_at > ? AND m.revoked_at IS NULL`,
      )
      .get(credentialHash, now) as MemberRow | undefined;
    return row ? memberFromRow(row) : null;
  }

  async saveLoop(l: LoopRecord): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO loops (id, workspace_id, name, rounds_json, created_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, rounds_json = excluded.rounds_json
         WHERE loops.workspace_id = excluded.workspace_id`,
      )
      .run(l.id, l.workspaceId, l.name, JSON.stringify(l.rounds), l.createdAt);
  }

  async getLoop(workspaceId: string, id: string): Promise<LoopRecord | null> {
    const row = this.db
      .prepare("SELECT * FROM loops WHERE id = ? AND workspace_id = ?")
      .get(id, workspaceId) as LoopRow | undefined;
    return row ? loopFromRow(row) : null;
  }

  async listLoops(workspaceId: string): Promise<LoopRecord[]> {
    return (
      this.db
        .prepare("SELECT * FROM loops WHERE workspace_id = ? ORDER BY created_at DESC")
        .all(workspaceId) as LoopRow[]
    ).map(loopFromRow);
  }

  async deleteLoop(workspaceId: string, id: string): Promise<boolean> {
    return (
      this.db.prepare("DELETE FROM loops WHERE id = ? AND workspace_id = ?").run(id, workspaceId).changes > 0
    );
  }

  async createExercise(e: ExerciseRecord): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO exercises (id, workspace_id, loop_id, name, created_at, round, revealed_round, items_json, interviewer_ids_json, due_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        e.id,
        e.workspaceId,
        e.loopId,
        e.name,
        e.createdAt,
        e.round,
        e.revealedRound,
        JSON.stringify(e.items),
        JSON.stringify(e.interviewerIds),
        e.dueAt,
      );
  }

  async getExercise(workspaceId: string, id: string): Promise<ExerciseRecord | null> {
    const row = this.db
      .prepare("SELECT * FROM exercises WHERE id = ? AND workspace_id = ?")
      .get(id, workspaceId) as ExerciseRow | undefined;
    return row ? exerciseFromRow(row) : null;
  }

  async listExercises(workspaceId: string): Promise<ExerciseRecord[]> {
    return (
      this.db
        .prepare("SELECT * FROM exercises WHERE workspace_id = ? ORDER BY created_at DESC")
        .all(workspaceId) as ExerciseRow[]
    ).map(exerciseFromRow);
  }

  async updateExerciseRounds(id: string, round: number, revealedRound: number): Promise<void> {
    this.db
      .prepare("UPDATE exercises SET round = ?, revealed_round = ? WHERE id = ?")
      .run(round, revealedRound, id);
  }

  async setExerciseDueAt(id: string, dueAt: string | null): Promise<void> {
    this.db.prepare("UPDATE exercises SET due_at = ? WHERE id = ?").run(dueAt, id);
  }

  async saveScores(exerciseId: string, scores: ScoreRecord[]): Promise<void> {
    const upsert = this.db.prepare(
      `INSERT INTO exercise_scores (exercise_id, round, member_id, item_id, dimension, score, comment)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (exercise_id, round, member_id, item_id, dimension)
       DO UPDATE SET score = excluded.score, comment = excluded.comment`,
    );
    this.db.transaction(() => {
      for (const s of scores)
        upsert.run(exerciseId, s.round, s.memberId, s.itemId, s.dimension, s.score, s.comment);
    })();
  }

  async listScores(exerciseId: string): Promise<ScoreRecord[]> {
    const rows = this.db
      .prepare(
        "SELECT round, member_id, item_id, dimension, score, comment FROM exercise_scores WHERE exercise_id = ? ORDER BY round, member_id, item_id, dimension",
      )
      .all(exerciseId) as ScoreRow[];
    return rows.map(scoreFromRow);
  }

  async markSubmitted(exerciseId: string, round: number, memberId: string, at: string): Promise<void> {
    this.db
      .prepare(
        "INSERT OR IGNORE INTO exercise_submissions (exercise_id, round, member_id, submitted_at) VALUES (?, ?, ?, ?)",
      )
      .run(exerciseId, round, memberId, at);
  }

  async listSubmissions(exerciseId: string): Promise<{ round: number; memberId: string }[]> {
    return (
      this.db
        .prepare("SELECT round, member_id FROM exercise_submissions WHERE exercise_id = ?")
        .all(exerciseId) as { round: number; member_id: string }[]
    ).map((r) => ({ round: r.round, memberId: r.member_id }));
  }
}
