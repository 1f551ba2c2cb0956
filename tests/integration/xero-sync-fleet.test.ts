import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeps } from '../../server/create-deps';
import type { AppDeps } from '../../server/app-deps';
import { startJobQueue, stopJobQueue, type JobQueue } from '../../server/jobs/job-queue';
import { apiCalls, mirrorRows, syncedAfter, syncState } from '../support/mirror-sync';
import { SyncProcesses } from '../support/fleet/sync-processes';
import { must } from '../support/must';
import { waitFor } from '../support/wait-for';
import { startTestServer, type RunningTestServer } from '../support/test-app';
import { connectXero, signUpUser } from '../support/xero-connect';

// Three app processes on one database. On PostgreSQL the other two are real processes (their own pools,
// queue workers and Xero modules); PGlite lives inside one process, so there they are two more app
// instances in this one, each with its own queue and module. Only the database is shared, as in a fleet.
let server: RunningTestServer;
let otherProcesses: SyncProcesses | null = null;
const instances: { queue: JobQueue; deps: AppDeps }[] = [];

beforeAll(async () => {
  server = await startTestServer({
    emulator: { seed: { contactsPerOrganisation: 3500 } },
    syncJobs: { intervalMs: 5 * 60_000, keepAliveDays: 7 },
  });
  const tenantIds = server.emulator.control.organisations().map((organisation) => organisation.tenantId);
  if (server.db.url) {
    const { listen: _listen, xeroLog: _log, logger: _logger, signInLimits: _limits, ...config } = server.depsConfig;
    otherProcesses = await SyncProcesses.start(2, { databaseUrl: server.db.url, config, tenantIds });
    return;
  }
  for (let index = 0; index < 2; index += 1) {
    const deps = createDeps(server.db.db, server.depsConfig);
    const queue = await startJobQueue(server.db, () => {});
    await deps.xero.sync.start(queue);
    instances.push({ queue, deps });
  }
});
afterAll(async () => {
  await otherProcesses?.stop();
  for (const { queue } of instances) await stopJobQueue(queue);
  await server.stop();
});

/** Every process asks for every organisation at once, and every process runs its schedule. */
async function everyProcessAsks(tenants: string[]): Promise<void> {
  const askedHere = (deps: AppDeps) => [
    ...tenants.map((tenantId) => deps.xero.sync.requestSync(tenantId)),
    deps.xero.sync.enqueueDue(),
  ];
  await Promise.all([
    ...askedHere(server.deps),
    ...instances.flatMap((instance) => askedHere(instance.deps)),
    otherProcesses?.askAll(),
  ]);
}

describe('three processes on one database', () => {
  it('sync each organisation once: every page is fetched exactly once', async () => {
    const tenants = server.emulator.control.organisations().map((organisation) => organisation.tenantId);
    const users = [];
    for (const [index, tenantId] of tenants.entries()) {
      const user = await signUpUser(server);
      await connectXero(server, user, { tenantIds: [tenantId], email: `fleet${index}@example.com` });
      users.push(user);
    }
    const before = new Map(tenants.map((tenantId) => [tenantId, apiCalls(server, tenantId)]));
    await everyProcessAsks(tenants);
    for (const tenantId of tenants) {
      await syncedAfter(server, tenantId);
      expect((await mirrorRows(server, tenantId)).length).toBe(3500);
      // 3,500 contacts are four pages of 1,000: four calls, no page twice.
      expect(apiCalls(server, tenantId) - (before.get(tenantId) ?? 0)).toBe(4);
    }
  });

  it('lets a failing organisation back off while the others sync', async () => {
    const [failingTenant, healthyTenant] = server.emulator.control
      .organisations()
      .map((organisation) => organisation.tenantId);
    const failing = must(failingTenant);
    const healthy = must(healthyTenant);
    server.emulator.control.injectFaults({ kind: 503, count: 1000, tenantId: failing });
    const started = new Date();
    await Promise.all([server.deps.xero.sync.requestSync(failing), server.deps.xero.sync.requestSync(healthy)]);
    await syncedAfter(server, healthy, started);
    const failed = await waitFor('the failing organisation to record its failure', async () => {
      const state = await syncState(server, failing);
      return state?.lastErrorAt && state.lastErrorAt > started ? state : undefined;
    });
    server.emulator.control.clearFaults();
    expect(failed.failures).toBe(1);
    expect(failed.lastError).toMatch(/xero/i);
    expect(failed.nextRunAt.getTime() - must(failed.lastErrorAt).getTime()).toBeGreaterThanOrEqual(60_000);
    // Not due again until its back-off ends, so the schedule leaves it alone for now.
    expect(await server.deps.xero.sync.enqueueDue()).toBe(0);
  });
});
