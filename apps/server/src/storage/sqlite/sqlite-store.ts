import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { KeyedMutex } from "../../lib/keyed-mutex.js";
import type { Store } from "../store.js";
import { SqliteCalibrationRepository } from "./calibration-repository.js";
import { type Migration, SQLITE_MIGRATIONS } from "./migrations.js";
import { SqlitePracticeRepository } from "./practice-repository.js";
import { SqliteSessionRepository } from "./session-repository.js";

export type SqliteDatabase = Database.Database;

function migrate(db: SqliteDatabase, migrations: Migration[]): void {
  db.exec(
    "CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL DEFAULT (datetime('now')))",
  );
  const applied = new Set(
    db
      .prepare("SELECT id FROM schema_migrations")
      .all()
      .map((row) => (row as { id: string }).id),
  );
  const record = db.prepare("INSERT INTO schema_migrations (id) VALUES (?)");
  for (const migration of migrations) {
    if (applied.has(migration.id)) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      record.run(migration.id);
    })();
  }
}

export class SqliteStore implements Store {
  readonly kind = "sqlite";
  readonly db: SqliteDatabase;
  readonly practice: SqlitePracticeRepository;
  readonly calibration: SqliteCalibrationRepository;
  readonly sessions: SqliteSessionRepository;
  // One process owns a SQLite file, so an in-process lock is the whole story and no bus is needed.
  readonly locks = new KeyedMutex();
  readonly bus = null;

  constructor(readonly file: string) {
    if (file !== ":memory:") mkdirSync(path.dirname(file), { recursive: true });
    this.db = new Database(file);
    // WAL lets readers proceed during a write. FULL fsyncs the WAL at every
    // commit, so a write we acknowledge survives power loss, not only a crashed
    // process (NORMAL's promise); the cost is measured in bench/durable-writes.
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("synchronous = FULL");
    this.db.pragma("foreign_keys = ON");
    this.db.pragma("busy_timeout = 5000");
    migrate(this.db, SQLITE_MIGRATIONS);
    this.practice = new SqlitePracticeRepository(this.db);
    this.calibration = new SqliteCalibrationRepository(this.db);
    this.sessions = new SqliteSessionRepository(this.db);
  }

  async ping(): Promise<void> {
    this.db.prepare("SELECT 1").get();
  }

  async appliedMigrations(): Promise<string[]> {
    return this.db
      .prepare("SELECT id FROM schema_migrations ORDER BY id")
      .all()
      .map((row) => (row as { id: string }).id);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

export function openSqliteStore(dataDir: string): SqliteStore {
  return new SqliteStore(path.join(dataDir, "loopwright.sqlite"));
}
