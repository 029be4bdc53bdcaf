import { KeyedMutex } from "../../lib/keyed-mutex.js";
import type { KeyedLocks } from "../store.js";
import type { Pool } from "./pool.js";

/**
 * A lock per key across every instance on the database: a session-level
 * advisory lock held on a connection of its own pool while the work runs on
 * the main pool, so lock holders can never starve the work of connections.
 * Within one process the KeyedMutex queues first, so each key takes at most
 * one lock connection here. If the holder dies, PostgreSQL drops its
 * connection and with it the lock.
 */
export class AdvisoryLocks implements KeyedLocks {
  private readonly local = new KeyedMutex();

  constructor(private readonly lockPool: Pool) {}

  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    return this.local.run(key, async () => {
      const client = await this.lockPool.connect();
      try {
        await client.query("SELECT pg_advisory_lock(hashtextextended($1, 0))", [key]);
      } catch (error) {
        client.release(true);
        throw error;
      }
      try {
        return await work();
      } finally {
        try {
          await client.query("SELECT pg_advisory_unlock(hashtextextended($1, 0))", [key]);
          client.release();
        } catch {
          // A connection whose unlock is uncertain is destroyed, which releases whatever it held.
          client.release(true);
        }
      }
    });
  }
}
