import { dbTargetFromEnv, openDb } from '../db/open-db';
import { EnvError, loadEnv } from '../env';

try {
  const env = loadEnv();
  const database = await openDb(dbTargetFromEnv(env));
  await database.migrate();
  await database.close();
  console.log(`Migrations applied (${database.driver}).`);
} catch (error) {
  console.error(
    error instanceof EnvError
      ? error.message
      : `Migration failed: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
}
