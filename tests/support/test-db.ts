import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import type { DbHandle } from '../../server/db/db';
import { openDb } from '../../server/db/open-db';
import { queryRows } from './raw-rows';

export interface TestDb extends DbHandle {
  /** Empties every table, keeping the schema: run between tests. */
  truncate(): Promise<void>;
  /** The PostgreSQL database's URL, so other "processes" can open their own pools; null on PGlite. */
  url: string | null;
}

/** A PostgreSQL server to test against, when one is configured; otherwise tests use in-memory PGlite. */
export function testServerUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || undefined;
}

async function truncateAll(handle: DbHandle): Promise<void> {
  const rows = await queryRows<{ tablename: string }>(
    handle.db,
    sql`select tablename from pg_tables where schemaname = 'public'`,
  );
  const tables = rows.map((row) => `"public"."${row.tablename}"`);
  if (tables.length > 0) await handle.db.execute(sql.raw(`truncate ${tables.join(', ')} restart identity cascade`));
}

/**
 * A fresh, migrated database for one test file: its own database on the PostgreSQL server (so files
 * run in parallel), or its own in-memory PGlite.
 */
export async function createTestDb(): Promise<TestDb> {
  const serverUrl = testServerUrl();
  if (!serverUrl) {
    const handle = await openDb({ pgliteDir: null });
    await handle.migrate();
    return { ...handle, url: null, truncate: () => truncateAll(handle) };
  }
  const name = `test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDb({ databaseUrl: url.toString() });
  await handle.migrate();
  return {
    ...handle,
    url: url.toString(),
    truncate: () => truncateAll(handle),
    async close() {
      await handle.close();
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}
