import { randomUUID } from "node:crypto";
import pg from "pg";
import type { Migration } from "../sqlite/migrations.js";
import { StorageError, type Store } from "../store.js";
import { AdvisoryLocks } from "./advisory-locks.js";
import { PostgresCalibrationRepository } from "./calibration-repository.js";
import { type BusLog, notification, PostgresInstanceBus } from "./instance-bus.js";
import { POSTGRES_MIGRATIONS } from "./migrations.js";
import type { Pool } from "./pool.js";
import { PostgresPracticeRepository } from "./practice-repository.js";
import { PostgresSessionRepository } from "./session-repository.js";

// COUNT(*) and other int8 results arrive as strings unless told otherwise; ours stay far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number.parseInt(value, 10));

/** Several instances may start at once; only one applies migrations, the others wait for it. */
const MIGRATION_LOCK = 7_135_246_001;

async function migrate(pool: Pool, migrations: Migration[]): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
    await client.query(
      "CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())",
    );
    const applied = new Set(
      (await client.query<{ id: string }>("SELECT id FROM schema_migrations")).rows.map((r) => r.id),
    );
    for (const migration of migrations) {
      if (applied.has(migration.id)) continue;
      await client.query("BEGIN");
      try {
        await client.query(migration.sql);
        await client.query("INSERT INTO schema_migrations (id) VALUES ($1)", [migration.id]);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      }
    }
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
}

export interface PostgresStoreOptions {
  connectionString: string;
  /** Connections for queries; the LISTEN connection and lock connections come on top. */
  poolSize?: number;
  instanceId?: string;
  log?: BusLog;
}

/** host:port/database of a connection string, never its user or password. */
function describe(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    return `at ${url.hostname}:${url.port || 5432}${url.pathname}`;
  } catch {
    return "in DATABASE_URL";
  }
}

const quietLog: BusLog = { warn: () => undefined };

/**
 * PostgreSQL behind the same Store contract as SQLite, for several instances
 * on one database. Durability is PostgreSQL's default (synchronous_commit on):
 * a commit returns once its WAL is flushed, so acknowledged means committed.
 */
export class PostgresStore implements Store {
  readonly kind = "postgres";
  readonly practice: PostgresPracticeRepository;
  readonly calibration: PostgresCalibrationRepository;
  readonly sessions: PostgresSessionRepository;
  readonly locks: AdvisoryLocks;
  readonly bus: PostgresInstanceBus;

  private constructor(
    private readonly pool: Pool,
    private readonly lockPool: Pool,
    options: PostgresStoreOptions,
  ) {
    const instanceId = options.instanceId ?? randomUUID();
    this.practice = new PostgresPracticeRepository(pool);
    this.calibration = new PostgresCalibrationRepository(pool);
    this.sessions = new PostgresSessionRepository(pool, (message) => notification(instanceId, message));
    this.locks = new AdvisoryLocks(lockPool);
    this.bus = new PostgresInstanceBus(instanceId, options.connectionString, pool, options.log ?? quietLog);
  }

  static async open(options: PostgresStoreOptions): Promise<PostgresStore> {
    const log = options.log ?? quietLog;
    const pool = new pg.Pool({ connectionString: options.connectionString, max: options.poolSize ?? 10 });
    const lockPool = new pg.Pool({ connectionString: options.connectionString, max: 4 });
    // An idle connection that the server drops must not take the process down; the pool replaces it.
    for (const p of [pool, lockPool])
      p.on("error", (err) => log.warn({ err }, "a PostgreSQL connection failed"));
    try {
      await migrate(pool, POSTGRES_MIGRATIONS);
      const store = new PostgresStore(pool, lockPool, options);
      await store.bus.start();
      return store;
    } catch (error) {
      await Promise.all([pool.end(), lockPool.end()]).catch(() => undefined);
      throw new StorageError(
        `Could not open the PostgreSQL database ${describe(options.connectionString)}: ${(error as Error).message}`,
        { cause: error },
      );
    }
  }

  async ping(): Promise<void> {
    await this.pool.query("SELECT 1");
  }

  async appliedMigrations(): Promise<string[]> {
    const result = await this.pool.query<{ id: string }>("SELECT id FROM schema_migrations ORDER BY id");
    return result.rows.map((r) => r.id);
  }

  async close(): Promise<void> {
    await this.bus.close();
    await Promise.all([this.pool.end(), this.lockPool.end()]);
  }
}
