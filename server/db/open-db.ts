import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DbHandle } from './db';
import { lockPgliteDir } from './pglite-lock';
import * as schema from './schema';
import { toDriverValue } from './sql-values';

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
      async executeSql(text, values) {
        if (values && values.length > 0)
          return { rows: [...(await client.unsafe(text, values.map(toDriverValue) as never[]))] };
        // postgres.js refuses BEGIN/COMMIT on a pooled connection; a reserved one keeps them together.
        const reserved = await client.reserve();
        try {
          return { rows: [...(await reserved.unsafe(text))] };
        } finally {
          reserved.release();
        }
      },
      migrate: () => migrate(db, { migrationsFolder }),
      async listen(channel, onPayload) {
        const { unlisten } = await client.listen(channel, onPayload);
        return unlisten;
      },
      close: () => client.end({ timeout: 5 }),
    };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const { unaccent } = await import('@electric-sql/pglite/contrib/unaccent');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  if (target.pgliteDir) mkdirSync(target.pgliteDir, { recursive: true });
  const release = target.pgliteDir ? lockPgliteDir(target.pgliteDir) : () => {};
  // The contacts mirror's search needs both extensions; the migrations create them.
  const extensions = { pg_trgm, unaccent };
  const client = target.pgliteDir ? new PGlite(target.pgliteDir, { extensions }) : new PGlite({ extensions });
  const db = drizzle(client, { schema, casing: 'snake_case' });
  return {
    db,
    driver: 'pglite',
    async executeSql(text, values) {
      if (values && values.length > 0) return { rows: (await client.query(text, values.map(toDriverValue))).rows };
      const results = await client.exec(text);
      return { rows: results.at(-1)?.rows ?? [] };
    },
    migrate: () => migrate(db, { migrationsFolder }),
    async listen(channel, onPayload) {
      const unlisten = await client.listen(channel, onPayload);
      return () => unlisten();
    },
    close: async () => {
      await client.close();
      release();
    },
  };
}

export function dbTargetFromEnv(env: { databaseUrl: string | undefined; dataDir: string }): DbTarget {
  return env.databaseUrl ? { databaseUrl: env.databaseUrl } : { pgliteDir: join(env.dataDir, 'pglite') };
}
