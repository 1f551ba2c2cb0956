import { createDeps } from '../create-deps';
import type { DbHandle } from '../db/db';
import { dbTargetFromEnv, openDb } from '../db/open-db';
import { loadEnv, type Env } from '../env';
import type { AppDeps } from '../app-deps';

/** What a command-line tool needs: the environment, a migrated database and the app's dependencies. */
export async function openCliDeps(): Promise<{ env: Env; database: DbHandle; deps: AppDeps }> {
  const env = loadEnv();
  const database = await openDb(dbTargetFromEnv(env));
  await database.migrate();
  // Commands never start the emulator: they act on the configured Xero app or on nothing.
  return { env, database, deps: createDeps(database.db, { ...env, xeroEmulator: null }) };
}
