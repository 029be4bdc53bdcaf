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
import { affected, one, type Pool, type Queryable, rows, transaction } from "./pool.js";

export class PostgresCalibrationRepository implements CalibrationRepository {
  constructor(private readonly pool: Pool) {}

  private async insertMember(db: Queryable, m: MemberRecord, tokenHash: string): Promise<void> {
    await db.query(
      `INSERT INTO members (id, workspace_id, name, role, token_hash, created_at, expires_at, revoked_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [m.id, m.workspaceId, m.name, m.role, tokenHash, m.createdAt, m.expiresAt, m.revokedAt],
    );
  }

  async createWorkspace(
    workspace: WorkspaceRecord,
    admin: MemberRecord,
    adminTokenHash: string,
  ): Promise<void> {
    await transaction(this.pool, async (client) => {
      await client.query("INSERT INTO workspaces (id, name, created_at) VALUES ($1, $2, $3)", [
        workspace.id,
        workspace.name,
        workspace.createdAt,
      ]);
      await this.insertMember(client, admin, adminTokenHash);
    });
  }

  async getWorkspace(id: string): Promise<WorkspaceRecord | null> {
    const row = await one<{ id: string; name: string; created_at: string }>(
      this.pool,
      "SELECT id, name, created_at FROM workspaces WHERE id = $1",
      [id],
    );
    return row ? { id: row.id, name: row.name, createdAt: row.created_at } : null;
  }

  async addMember(m: MemberRecord, tokenHash: string): Promise<void> {
    await this.insertMember(this.pool, m, tokenHash);
  }

  async listMembers(workspaceId: string): Promise<MemberRecord[]> {
    const found = await rows<MemberRow>(
      this.pool,
      "SELECT * FROM members WHERE workspace_id = $1 ORDER BY created_at, name",
      [workspaceId],
    );
    return found.map(memberFromRow);
  }

  async findMemberByTokenHash(tokenHash: string): Promise<MemberRecord | null> {
    const row = await one<MemberRow>(this.pool, "SELECT * FROM members WHERE token_hash = $1", [tokenHash]);
    return row ? memberFromRow(row) : null;
  }

  async revokeMember(workspaceId: string, memberId: string, at: string): Promise<boolean> {
    return transaction(this.pool, async (client) => {
      const changed = await affected(
        client,
        "UPDATE members SET revoked_at = $1 WHERE id = $2 AND workspace_id = $3 AND revoked_at IS NULL",
        [at, memberId, workspaceId],
      );
      // Scoped like the update: another workspace's admin must not sign this member out.
      await client.query(
        "DELETE FROM member_credentials WHERE member_id IN (SELECT id FROM members WHERE id = $1 AND workspace_id = $2)",
        [memberId, workspaceId],
      );
      return changed > 0;
    });
  }

  async replaceMemberToken(
    workspaceId: string,
    memberId: string,
    tokenHash: string,
    expiresAt: string,
    at: string,
  ): Promise<boolean> {
    return transaction(this.pool, async (client) => {
      // FOR UPDATE: two re-issues at once must not both retire the same hash.
      const row = await one<{ token_hash: string }>(
        client,
        "SELECT token_hash FROM members WHERE id = $1 AND workspace_id = $2 AND revoked_at IS NULL FOR UPDATE",
        [memberId, workspaceId],
      );
      if (!row) return false;
      await client.query(
        "INSERT INTO member_replaced_links (token_hash, member_id, replaced_at) VALUES ($1, $2, $3)",
        [row.token_hash, memberId, at],
      );
      await client.query("UPDATE members SET token_hash = $1, expires_at = $2 WHERE id = $3", [
        tokenHash,
        expiresAt,
        memberId,
      ]);
      await client.query("DELETE FROM member_credentials WHERE member_id = $1", [memberId]);
      return true;
    });
  }

  async findReplacedLink(tokenHash: string): Promise<{ member: MemberRecord; replacedAt: string } | null> {
    const row = await one<MemberRow & { replaced_at: string }>(
      this.pool,
      `SELECT m.*, r.replaced_at AS replaced_at FROM member_replaced_links r JOIN members m ON m.id = r.member_id
       WHERE r.token_hash = $1`,
      [tokenHash],
    );
    return row ? { member: memberFromRow(row), replacedAt: row.replaced_at } : null;
  }

  async createMemberCredential(credentialHash: string, memberId: string, expiresAt: string): Promise<void> {
    await this.pool.query(
      "INSERT INTO member_credentials (credential_hash, member_id, expires_at) VALUES ($1, $2, $3)",
      [credentialHash, memberId, expiresAt],
    );
  }

  async findCredentialMember(credentialHash: string, now: string): Promise<MemberRecord | null> {
    const row = await one<MemberRow>(
      this.pool,
      `SELECT m.* FROM member_credentials c JOIN members m ON m.id = c.member_id
       WHERE c.credential_hash = $1 AND c.expires_at > $2 AND m.revoked_at IS NULL`,
      [credentialHash, now],
    );
    return row ? memberFromRow(row) : null;
  }

  async saveLoop(l: LoopRecord): Promise<void> {
    await this.pool.query(
      `INSERT INTO loops (id, workspace_id, name, rounds_json, created_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, rounds_json = excluded.rounds_json
       WHERE loops.workspace_id = excluded.workspace_id`,
      [l.id, l.workspaceId, l.name, JSON.stringify(l.rounds), l.createdAt],
    );
  }

  async getLoop(workspaceId: string, id: string): Promise<LoopRecord | null> {
    const row = await one<LoopRow>(this.pool, "SELECT * FROM loops WHERE id = $1 AND workspace_id = $2", [
      id,
      workspaceId,
    ]);
    return row ? loopFromRow(row) : null;
  }

  async listLoops(workspaceId: string): Promise<LoopRecord[]> {
    const found = await rows<LoopRow>(
      this.pool,
      "SELECT * FROM loops WHERE workspace_id = $1 ORDER BY created_at DESC",
      [workspaceId],
    );
    return found.map(loopFromRow);
  }

  async deleteLoop(workspaceId: string, id: string): Promise<boolean> {
    return (
      (await affected(this.pool, "DELETE FROM loops WHERE id = $1 AND workspace_id = $2", [
        id,
        workspaceId,
      ])) > 0
    );
  }

  async createExercise(e: ExerciseRecord): Promise<void> {
    await this.pool.query(
      `INSERT INTO exercises (id, workspace_id, loop_id, name, created_at, round, revealed_round, items_json, interviewer_ids_json, due_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
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
      ],
    );
  }

  async getExercise(workspaceId: string, id: string): Promise<ExerciseRecord | null> {
    const row = await one<ExerciseRow>(
      this.pool,
      "SELECT * FROM exercises WHERE id = $1 AND workspace_id = $2",
      [id, workspaceId],
    );
    return row ? exerciseFromRow(row) : null;
  }

  async listExercises(workspaceId: string): Promise<ExerciseRecord[]> {
    const found = await rows<ExerciseRow>(
      this.pool,
      "SELECT * FROM exercises WHERE workspace_id = $1 ORDER BY created_at DESC",
      [workspaceId],
    );
    return found.map(exerciseFromRow);
  }

  async updateExerciseRounds(id: string, round: number, revealedRound: number): Promise<void> {
    await this.pool.query("UPDATE exercises SET round = $1, revealed_round = $2 WHERE id = $3", [
      round,
      revealedRound,
      id,
    ]);
  }

  async setExerciseDueAt(id: string, dueAt: string | null): Promise<void> {
    await this.pool.query("UPDATE exercises SET due_at = $1 WHERE id = $2", [dueAt, id]);
  }

  async saveScores(exerciseId: string, scores: ScoreRecord[]): Promise<void> {
    await transaction(this.pool, async (client) => {
      for (const s of scores) {
        await client.query(
          `INSERT INTO exercise_scores (exercise_id, round, member_id, item_id, dimension, score, comment)
           VALUES ($1, $2, $3, $4, $5, $6, $7)
           ON CONFLICT (exercise_id, round, member_id, item_id, dimension)
           DO UPDATE SET score = excluded.score, comment = excluded.comment`,
          [exerciseId, s.round, s.memberId, s.itemId, s.dimension, s.score, s.comment],
        );
      }
    });
  }

  async listScores(exerciseId: string): Promise<ScoreRecord[]> {
    const found = await rows<ScoreRow>(
      this.pool,
      `SELECT round, member_id, item_id, dimension, score, comment FROM exercise_scores
       WHERE exercise_id = $1 ORDER BY round, member_id, item_id, dimension`,
      [exerciseId],
    );
    return found.map(scoreFromRow);
  }

  async markSubmitted(exerciseId: string, round: number, memberId: string, at: string): Promise<void> {
    await this.pool.query(
      `INSERT INTO exercise_submissions (exercise_id, round, member_id, submitted_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING`,
      [exerciseId, round, memberId, at],
    );
  }

  async listSubmissions(exerciseId: string): Promise<{ round: number; memberId: string }[]> {
    const found = await rows<{ round: number; member_id: string }>(
      this.pool,
      "SELECT round, member_id FROM exercise_submissions WHERE exercise_id = $1",
      [exerciseId],
    );
    return found.map((r) => ({ round: r.round, memberId: r.member_id }));
  }
}
