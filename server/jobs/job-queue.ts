import PgBoss from 'pg-boss';
import type { DbHandle } from '../db/db';

export type JobQueue = PgBoss;

/**
 * The background job queue: pg-boss on the app's own database, PostgreSQL or PGlite alike, through the
 * same connection pool (pg-boss accepts any `executeSql`). Its tables live in their own `pgboss` schema,
 * created and migrated by pg-boss itself. pg-boss polls rather than LISTENs, which PGlite's single
 * connection handles as well as a server does. Started once per process.
 */
export async function startJobQueue(database: DbHandle, onError: (error: Error) => void): Promise<JobQueue> {
  const queue = new PgBoss({
    db: { executeSql: (text, values) => database.executeSql(text, values) },
    schema: 'pgboss',
    // PGlite is one connection shared with requests: poll gently; a user's "Sync now" waits at most this.
    pollingIntervalSeconds: 2,
    archiveCompletedAfterSeconds: 60 * 60,
    deleteAfterDays: 2,
  });
  queue.on('error', onError);
  await queue.start();
  return queue;
}

/** Lets running jobs finish (up to `timeoutMs`), then stops polling; the database stays open. */
export async function stopJobQueue(queue: JobQueue, timeoutMs = 10_000): Promise<void> {
  await queue.stop({ graceful: true, wait: true, close: false, timeout: timeoutMs });
}
