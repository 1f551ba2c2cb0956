import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type * as schema from './schema';

/** One database type for both drivers: postgres.js in production, PGlite for zero-config and tests. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface DbHandle {
  db: Db;
  driver: 'postgres' | 'pglite';
  /**
   * Runs raw SQL on the same connection pool as `db`, for libraries that bring their own SQL (the job
   * queue). Without values the text may hold several statements, transaction control included.
   */
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
  /** Applies the committed migrations from drizzle/migrations. */
  migrate(): Promise<void>;
  /** LISTEN on a notification channel (on a connection of its own with postgres.js); resolves to unlisten. */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}
