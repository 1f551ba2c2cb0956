import { buildApp } from './app';
import { createDeps } from './create-deps';
import { startDevEmulator } from './dev-emulator';
import { startJobQueue, stopJobQueue } from './jobs/job-queue';
import { dbTargetFromEnv, openDb } from './db/open-db';
import { EnvError, loadEnv } from './env';
import { buildSpa, spaDir, spaNeedsBuild } from './spa-build';

async function main(): Promise<void> {
  const env = loadEnv();
  const serveSpa = process.argv.includes('--no-spa') === false;
  if (serveSpa && spaNeedsBuild()) {
    console.log('Building the web app…');
    await buildSpa();
  }
  const database = await openDb(dbTargetFromEnv(env));
  await database.migrate();
  const emulator = await startDevEmulator(env);
  const deps = createDeps(database.db, {
    ...env,
    xeroEmulator: emulator?.config ?? null,
    xeroSync: {
      intervalMs: env.xero.syncIntervalMs,
      keepAliveDays: env.xero.keepAliveDays,
      log: (message, detail) => console.log(`${message}:`, detail),
    },
  });
  if (emulator) {
    console.warn(
      `Using the built-in Xero emulator at ${emulator.config.identityUrl} — configure a Xero app to connect to real Xero.`,
    );
  }
  const app = await buildApp(deps, {
    publicUrl: env.publicUrl,
    spaDir: serveSpa ? spaDir : null,
    logLevel: env.logLevel,
  });
  await app.listen({ port: env.port, host: env.host });
  const where = database.driver === 'pglite' ? `embedded PGlite in ${env.dataDir}` : 'PostgreSQL';
  console.log(`Ready on ${env.publicUrl} (database: ${where})`);
  // Background jobs start once the app listens: on a first PGlite start, creating the queue's tables
  // takes seconds, and the app should be reachable before that.
  const queue = await startJobQueue(database, (error) => console.error('Job queue:', error.message));
  await deps.xero.sync.start(queue);

  const shutdown = async (signal: string) => {
    console.log(`${signal} received, shutting down`);
    await app.close();
    await stopJobQueue(queue);
    await emulator?.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof EnvError) console.error(error.message);
  else console.error('Failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
