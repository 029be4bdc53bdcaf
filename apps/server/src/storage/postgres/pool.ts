import type pg from "pg";

export type Pool = pg.Pool;
export type Queryable = pg.Pool | pg.PoolClient;

/**
 * Runs `work` in one transaction on one pooled connection: committed when it
 * resolves (and only then acknowledged to anyone), rolled back when it throws.
 */
export async function transaction<T>(pool: Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const result = await work(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** The rows of a query, typed by the caller (they are the shared row shapes of ../rows.ts). */
export async function rows<T>(db: Queryable, text: string, values: unknown[] = []): Promise<T[]> {
  return (await db.query(text, values)).rows as T[];
}

export async function one<T>(db: Queryable, text: string, values: unknown[] = []): Promise<T | null> {
  return ((await db.query(text, values)).rows[0] as T | undefined) ?? null;
}

/** Rows an UPDATE or DELETE touched. */
export async function affected(db: Queryable, text: string, values: unknown[] = []): Promise<number> {
  return (await db.query(text, values)).rowCount ?? 0;
}
