import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DbHandle } from './db';
import * as schema from './schema';

const migrationsFolder = fileURLToPath(new URL('../../drizzle/migrations', import.meta.url));

export type DbTarget = { databaseUrl: string } | { pgliteDir: string | null };

/**
 * Opens the database: postgres.js for a URL, else embedded PGlite in a folder (or in memory for null).
 * Drivers are imported lazily so a PostgreSQL deployment never loads the PGlite WASM and vice versa.
 */
export async function openDb(target: DbTarget): Promise<DbHandle> {
  if ('databaseUrl' in target) {
    const { default: postgres } = await import('postgres');
    const { drizzle } = await import('drizzle-orm/postgres-js');
    const { migrate } = await import('drizzle-orm/postgres-js/migrator');
    const client = postgres(target.databaseUrl, { max: 10, onnotice: () => {} });
    const db = drizzle(client, { schema, casing: 'snake_case' });
    return {
      db,
      driver: 'postgres',
      migrate: () => migrate(db, { migrationsFolder }),
      async listen(channel, onPayload) {
        const { unlisten } = await client.listen(channel, onPayload);
        return unlisten;
      },
      close: () => client.end({ timeout: 5 }),
    };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  if (target.pgliteDir) mkdirSync(target.pgliteDir, { recursive: true });
  const client = target.pgliteDir ? new PGlite(target.pgliteDir) : new PGlite();
  const db = drizzle(client, { schema, casing: 'snake_case' });
  return {
    db,
    driver: 'pglite',
    migrate: () => migrate(db, { migrationsFolder }),
    async listen(channel, onPayload) {
      const unlisten = await client.listen(channel, onPayload);
      return () => unlisten();
    },
    close: () => client.close(),
  };
}

export function dbTargetFromEnv(env: { databaseUrl: string | undefined; dataDir: string }): DbTarget {
  return env.databaseUrl ? { databaseUrl: env.databaseUrl } : { pgliteDir: join(env.dataDir, 'pglite') };
}
