import type PgBoss from 'pg-boss';
import { refreshIdleConnections } from '../keep-alive';
import type { XeroDeps } from '../xero-deps';
import { checkConnectionsHealth } from './health-check';
import { syncOrganisation } from './run-sync';
import { fetchWebhookChanges } from './webhook-fetch';
import { dueOrganisations, ensureSyncState, staleRunMs } from './sync-state-store';

export const syncJobNames = {
  /** Syncs one organisation (`{ tenantId }`); one at a time per organisation. */
  sync: 'xero-sync',
  /** Every minute: enqueues a sync for each organisation whose next run is due. */
  schedule: 'xero-sync-schedule',
  keepAlive: 'xero-keep-alive',
  healthCheck: 'xero-health-check',
  /** Fetches the contacts named by stored webhook events (`{ tenantId }`); one at a time per organisation. */
  webhookChanges: 'xero-webhook-changes',
} as const;

export interface SyncJobsOptions {
  intervalMs: number;
  keepAliveDays: number;
  /** Syncs this process runs at once (each for a different organisation). */
  workers?: number;
  /** Told about unexpected failures and non-empty reports; never given tokens or Xero's text. */
  log: (message: string, detail?: unknown) => void;
}

/**
 * The Xero module's background jobs on the host's pg-boss queue. Sync jobs use the `stately` policy
 * with the organisation as singleton key: at most one queued and one running per organisation across
 * every process, so a burst of "Sync now" becomes one job and a fleet never syncs an organisation
 * twice at once. Cron schedules are deduplicated by pg-boss across processes too.
 */
export class XeroSyncJobs {
  private queue: PgBoss | null = null;

  constructor(
    private readonly deps: XeroDeps,
    private readonly options: SyncJobsOptions,
  ) {}

  async start(queue: PgBoss): Promise<void> {
    const expireInSeconds = 30 * 60;
    await queue.createQueue(syncJobNames.sync, {
      name: syncJobNames.sync,
      policy: 'stately',
      retryLimit: 0,
      expireInSeconds,
    });
    await queue.createQueue(syncJobNames.webhookChanges, {
      name: syncJobNames.webhookChanges,
      policy: 'stately',
      retryLimit: 3,
      retryDelay: 30,
      retryBackoff: true,
      expireInSeconds,
    });
    for (const name of [syncJobNames.schedule, syncJobNames.keepAlive, syncJobNames.healthCheck]) {
      await queue.createQueue(name, { name, policy: 'singleton', retryLimit: 0, expireInSeconds });
    }
    for (let worker = 0; worker < (this.options.workers ?? 2); worker += 1) {
      await queue.work<{ tenantId: string; requestedAt: string }>(
        syncJobNames.sync,
        { batchSize: 1 },
        async ([job]) => {
          if (!job) return;
          const timing = { intervalMs: this.options.intervalMs };
          await syncOrganisation(this.deps, job.data.tenantId, timing, new Date(job.data.requestedAt));
          // Webhook events that waited for a first sync, or came in during this one, are handled now.
          await this.requestWebhookFetch(job.data.tenantId);
        },
      );
    }
    // Polled twice a second: a change in Xero should reach open pages within a second or two.
    await queue.work<{ tenantId: string }>(
      syncJobNames.webhookChanges,
      { batchSize: 1, pollingIntervalSeconds: 0.5 },
      async ([job]) => {
        if (job) await this.handleWebhookChanges(job.data.tenantId);
      },
    );
    await queue.work(syncJobNames.schedule, async () => {
      await this.enqueueDue();
    });
    await queue.work(syncJobNames.keepAlive, async () => {
      const report = await refreshIdleConnections(this.deps, this.options.keepAliveDays);
      if (report.refreshed + report.needReauth + report.failed > 0) this.options.log('Xero keep-alive', report);
    });
    await queue.work(syncJobNames.healthCheck, async () => {
      const report = await checkConnectionsHealth(this.deps);
      if (report.removedOrganisations + report.needReauth + report.failed > 0)
        this.options.log('Xero connection health check', report);
    });
    await queue.schedule(syncJobNames.schedule, '* * * * *');
    await queue.schedule(syncJobNames.keepAlive, '7 * * * *');
    await queue.schedule(syncJobNames.healthCheck, '23 3 * * *');
    this.queue = queue;
    // Organisations connected while no process ran should not wait for the first minute's schedule.
    await queue.send(syncJobNames.schedule, {}, { singletonKey: 'startup' });
  }

  /**
   * Asks for a sync of one organisation now. False when none could be queued: one is already queued
   * (it will see every change made before it starts), or no queue runs in this process.
   */
  async requestSync(tenantId: string, requestedAt: Date = this.deps.now()): Promise<boolean> {
    if (!this.queue) return false;
    // `requestedAt` is taken before any state is read: a sync that starts after it makes this one moot.
    const state = await ensureSyncState(this.deps.db, tenantId);
    // A first sync catches up on everything when it ends; another queued behind it would only re-ask.
    if (
      state.phase === 'initial' &&
      state.runningSince &&
      this.deps.now().getTime() - state.runningSince.getTime() < staleRunMs
    )
      return false;
    const id = await this.queue.send(
      syncJobNames.sync,
      { tenantId, requestedAt: requestedAt.toISOString() },
      { singletonKey: tenantId },
    );
    return id !== null;
  }

  /**
   * Asks for the organisation's stored webhook events to be fetched into the mirror. Deduplicated per
   * organisation: a burst of deliveries becomes one job, which takes every event stored before it runs.
   */
  async requestWebhookFetch(tenantId: string): Promise<boolean> {
    if (!this.queue) return false;
    const id = await this.queue.send(syncJobNames.webhookChanges, { tenantId }, { singletonKey: tenantId });
    // Take it at once rather than at the next poll: a change should reach open pages in well under a
    // second. Taking it through the queue keeps its rule of one run per organisation across processes.
    if (id !== null) void this.takeWebhookJobNow(this.queue);
    return id !== null;
  }

  private async takeWebhookJobNow(queue: PgBoss): Promise<void> {
    try {
      const [job] = await queue.fetch<{ tenantId: string }>(syncJobNames.webhookChanges);
      if (!job) return;
      try {
        await this.handleWebhookChanges(job.data.tenantId);
        await queue.complete(syncJobNames.webhookChanges, job.id);
      } catch (error) {
        // The queue retries it with back-off, as it would a job its workers had taken.
        await queue.fail(syncJobNames.webhookChanges, job.id);
        this.options.log('Xero webhook changes failed', error instanceof Error ? error.name : typeof error);
      }
    } catch (error) {
      this.options.log('Xero webhook job could not be taken', error instanceof Error ? error.name : typeof error);
    }
  }

  private async handleWebhookChanges(tenantId: string): Promise<void> {
    const report = await fetchWebhookChanges(this.deps, tenantId);
    if (report.more) await this.requestWebhookFetch(tenantId);
  }

  /** Enqueues every organisation whose next run is due; returns how many were queued. */
  async enqueueDue(): Promise<number> {
    let queued = 0;
    const requestedAt = this.deps.now();
    for (const tenantId of await dueOrganisations(this.deps.db, requestedAt)) {
      if (await this.requestSync(tenantId, requestedAt)) queued += 1;
    }
    return queued;
  }
}
