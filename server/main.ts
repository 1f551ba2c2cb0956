import { buildApp } from './app';
import { createDeps } from './create-deps';
import { startDevEmulator } from './dev-emulator';
import { startJobQueue, stopJobQueue } from './jobs/job-queue';
import { dbTargetFromEnv, openDb } from './db/open-db';
import { EnvError, loadEnv } from './env';
import { createAppLogger } from './log/app-logger';
import { buildSpa, spaDir, spaNeedsBuild } from './spa-build';
import { describeXeroSource, prettyLogStream } from './startup-notes';

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
  const logger = createAppLogger(env.logLevel, await prettyLogStream(env.nodeEnv === 'development'));
  const deps = createDeps(database.db, {
    ...env,
    xeroEmulator: emulator?.config ?? null,
    xeroLimits: { timeoutMs: env.xero.timeoutMs, perDay: env.xero.dailyLimit },
    xeroLog: logger,
    listen: database.listen,
    logger,
    xeroSync: {
      intervalMs: env.xero.syncIntervalMs,
      keepAliveDays: env.xero.keepAliveDays,
      log: (message, detail) => logger.info({ detail }, message),
    },
  });
  console.log(await describeXeroSource(deps.xero.config, emulator?.config.identityUrl ?? null));
  const app = await buildApp(deps, {
    publicUrl: env.publicUrl,
    spaDir: serveSpa ? spaDir : null,
    logger,
    isProduction: env.isProduction,
    trustProxy: env.trustProxy,
  });
  await app.listen({ port: env.port, host: env.host });
  const where = database.driver === 'pglite' ? `embedded PGlite in ${env.dataDir}` : 'PostgreSQL';
  console.log(`Ready on ${env.publicUrl} (database: ${where})`);
  // Background jobs start once the app listens: on a first PGlite start, creating the queue's tables
  // takes seconds, and the app should be reachable before that.
  const queue = await startJobQueue(database, (error) => logger.error({ error: error.message }, 'job queue'));
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
