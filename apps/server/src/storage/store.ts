/**
 * The storage contract every backend implements. Routes and rooms depend on
 * this interface only, so a PostgreSQL store can be added without touching them.
 */
export interface Store {
  /** Short name for health output, e.g. "sqlite". */
  readonly kind: string;
  /** Cheap round trip proving the store answers. */
  ping(): Promise<void>;
  /** Migrations applied, newest last. */
  appliedMigrations(): Promise<string[]>;
  close(): Promise<void>;
}
