import { AppError, genericFailureMessage } from '../../../shared/errors';
import type { XeroDeps } from '../xero-deps';
import { runIncrementalSync } from './incremental-sync';
import { runInitialSync } from './initial-sync';
import { ensureSyncState, updateSyncState } from './sync-state-store';
import { openTenantSession } from './tenant-session';

export interface SyncTiming {
  /** How often an organisation is synced when all is well. */
  intervalMs: number;
}

const firstBackoffMs = 60 * 1000;
const maxBackoffMs = 60 * 60 * 1000;

/** After n failures in a row, wait a minute·2^(n-1), at most an hour, and at least what Xero asked. */
export function backoffMs(failures: number, retryAfterSeconds?: number): number {
  const exponential = Math.min(firstBackoffMs * 2 ** Math.max(0, failures - 1), maxBackoffMs);
  return Math.max(exponential, (retryAfterSeconds ?? 0) * 1000);
}

/** What the sync status shows when a sync failed: our own words, never Xero's or a driver's. */
function reasonFor(error: unknown): string {
  return error instanceof AppError ? error.message : genericFailureMessage;
}

/**
 * One sync of one organisation: the initial full sync until it is done, incremental syncs after. The
 * queue runs at most one per organisation at a time (singleton key). A failure is recorded on the
 * organisation with its own back-off, and does not fail the job: the queue's workers stay free for
 * the other organisations, and the scheduler retries this one when its back-off ends.
 */
export async function syncOrganisation(
  deps: XeroDeps,
  tenantId: string,
  timing: SyncTiming,
  requestedAt: Date = deps.now(),
): Promise<void> {
  const state = await ensureSyncState(deps.db, tenantId);
  // Another process's sync began after this one was asked for, and succeeded: it saw every change.
  if (state.lastStartedAt && state.lastStartedAt >= requestedAt && state.lastError === null && !state.runningSince)
    return;
  const started = deps.now();
  await updateSyncState(deps.db, tenantId, { runningSince: started, lastStartedAt: started });
  try {
    const session = await openTenantSession(deps, tenantId);
    if (state.phase === 'initial') await runInitialSync(deps, session, state);
    else await runIncrementalSync(deps, session, state);
    const finished = deps.now();
    await updateSyncState(deps.db, tenantId, {
      runningSince: null,
      lastSuccessAt: finished,
      nextRunAt: new Date(finished.getTime() + timing.intervalMs),
      failures: 0,
      lastError: null,
      lastErrorAt: null,
      removedInXeroAt: null,
    });
  } catch (error) {
    const failures = state.failures + 1;
    const retryAfter = error instanceof AppError ? error.details?.retryAfter : undefined;
    const failedAt = deps.now();
    await updateSyncState(deps.db, tenantId, {
      runningSince: null,
      failures,
      lastError: reasonFor(error),
      lastErrorAt: failedAt,
      nextRunAt: new Date(failedAt.getTime() + backoffMs(failures, retryAfter)),
    });
  }
}
