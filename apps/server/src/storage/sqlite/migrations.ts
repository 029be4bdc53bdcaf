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
];
