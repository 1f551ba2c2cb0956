import { createInterface } from 'node:readline';
import { createDeps, type DepsConfig } from '../../../server/create-deps';
import { openDb } from '../../../server/db/open-db';
import { startJobQueue, stopJobQueue } from '../../../server/jobs/job-queue';

/** What a sync worker needs: the parts of the app's configuration that cross a process boundary. */
export interface SyncWorkerInput {
  databaseUrl: string;
  config: Omit<DepsConfig, 'xeroLog' | 'logger' | 'listen' | 'signInLimits'>;
  tenantIds: string[];
}

/**
 * A separate app process of the sync fleet test: its own pool, job queue workers and Xero module on the
 * shared PostgreSQL database. Says "ready" once its queue runs; on "go" asks for a sync of every
 * organisation and runs its schedule, then says "asked"; on "stop" stops its queue and exits.
 */
const input = JSON.parse(process.env.SYNC_WORKER_INPUT ?? '{}') as SyncWorkerInput;
const database = await openDb({ databaseUrl: input.databaseUrl });
const deps = createDeps(database.db, input.config);
const queue = await startJobQueue(database, (error) => process.stderr.write(`sync worker queue: ${error.message}\n`));
await deps.xero.sync.start(queue);
process.stdout.write('ready\n');
for await (const line of createInterface({ input: process.stdin })) {
  if (line.trim() === 'go') {
    await Promise.all([
      ...input.tenantIds.map((tenantId) => deps.xero.sync.requestSync(tenantId)),
      deps.xero.sync.enqueueDue(),
    ]);
    process.stdout.write('asked\n');
  } else if (line.trim() === 'stop') break;
}
await stopJobQueue(queue);
await database.close();
process.exit(0);
