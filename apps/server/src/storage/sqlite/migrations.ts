/**
 * Ordered, append-only schema migrations. Never edit one that has shipped;
 * add a new entry instead.
 */
export interface Migration {
  id: string;
  sql: string;
}

export const SQLITE_MIGRATIONS: Migration[] = [
  {
    id: "0001-meta",
    sql: `CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);`,
  },
  {
    id: "0002-practice",
    sql: `
      CREATE TABLE practitioners (
        id TEXT PRIMARY KEY,
        key_hash TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL
      );
      CREATE TABLE attempts (
        id TEXT PRIMARY KEY,
        practitioner_id TEXT NOT NULL REFERENCES practitioners(id) ON DELETE CASCADE,
        question_id TEXT NOT NULL,
        loop_id TEXT,
        loop_position INTEGER,
        status TEXT NOT NULL,
        clock_json TEXT NOT NULL,
        answer_text TEXT NOT NULL DEFAULT '',
        answer_revision INTEGER NOT NULL DEFAULT 0,
        answer_saved_at TEXT,
        self_scores_json TEXT,
        reflection TEXT,
        created_at TEXT NOT NULL,
        completed_at TEXT
      );
      CREATE INDEX attempts_by_practitioner ON attempts (practitioner_id, created_at);
      CREATE INDEX attempts_by_loop ON attempts (loop_id, loop_position);
    `,
  },
];
