import { eq, max } from 'drizzle-orm';
import { staleRunMs, ensureSyncState } from '../sync/sync-state-store';
import { xeroWebhookEvents } from '../webhooks/schema';
import type { XeroDeps } from '../xero-deps';
import type { XeroSyncState } from './schema';
import { userTenant } from './user-tenant';

export type SyncState = 'never_synced' | 'syncing' | 'up_to_date' | 'failing';

export interface SyncStatus {
  tenantId: string;
  state: SyncState;
  /** True once reads come from the mirror. */
  mirrorReady: boolean;
  /** Progress of the first full sync, while it runs. */
  progress: { pagesDone: number; pagesTotal: number | null; contactsDone: number; contactsTotal: number | null } | null;
  /** Why the last sync failed, in words for a person; null unless failing. */
  reason: string | null;
  lastSuccessAt: Date | null;
  nextRunAt: Date | null;
  /** Active contacts in the mirror. */
  contactCount: number;
  /** When Xero last sent a webhook event for this organisation; "Live" while they keep coming. */
  lastWebhookAt: Date | null;
  live: boolean;
}

/** Webhooks count as flowing while one came within this window; polling runs whatever the answer. */
const liveWindowMs = 24 * 60 * 60 * 1000;

function stateOf(row: XeroSyncState, now: Date): SyncState {
  const running = row.runningSince !== null && now.getTime() - row.runningSince.getTime() < staleRunMs;
  if (running) return 'syncing';
  if (row.lastError !== null) return 'failing';
  // A first sync that stored some pages and stopped (a restart) resumes: it is still syncing.
  if (row.initialDoneAt === null) return row.pagesDone > 0 ? 'syncing' : 'never_synced';
  return 'up_to_date';
}

export function describeSync(
  row: XeroSyncState,
  contactCount: number,
  now: Date,
  lastWebhookAt: Date | null = null,
): SyncStatus {
  const state = stateOf(row, now);
  return {
    tenantId: row.tenantId,
    state,
    mirrorReady: row.initialDoneAt !== null,
    progress:
      row.initialDoneAt === null
        ? {
            pagesDone: row.pagesDone,
            pagesTotal: row.pagesTotal,
            contactsDone: row.contactsDone,
            contactsTotal: row.contactsTotal,
          }
        : null,
    reason: state === 'failing' ? row.lastError : null,
    lastSuccessAt: row.lastSuccessAt,
    nextRunAt: row.nextRunAt,
    contactCount,
    lastWebhookAt,
    live: lastWebhookAt !== null && now.getTime() - lastWebhookAt.getTime() < liveWindowMs && state !== 'failing',
  };
}

async function statusOf(deps: XeroDeps, tenantId: string, known: XeroSyncState | null): Promise<SyncStatus> {
  const state = known ?? (await ensureSyncState(deps.db, tenantId));
  const [latest] = await deps.db
    .select({ at: max(xeroWebhookEvents.receivedAt) })
    .from(xeroWebhookEvents)
    .where(eq(xeroWebhookEvents.tenantId, tenantId));
  return describeSync(state, state.activeCount, deps.now(), latest?.at ?? null);
}

/**
 * The sync status of the user's selected organisation. An organisation seen for the first time gets
 * its first sync queued here, so a newly connected user does not wait for the next schedule.
 */
export async function syncStatus(deps: XeroDeps, userId: string): Promise<SyncStatus> {
  const { tenantId, sync } = await userTenant(deps.db, userId);
  const status = await statusOf(deps, tenantId, sync);
  if (status.state === 'never_synced') await deps.sync.requestSync(tenantId);
  return status;
}

// "Sync now" right after a sync finished would only spend the organisation's Xero allowance.
const minimumGapMs = 15_000;

/**
 * Queues a sync of the user's selected organisation. Deduplicated (one queued per organisation, across
 * processes and users) and rate-governed: refused within seconds of the last success, and the sync
 * itself runs within the organisation's Xero limits like every other call.
 */
export async function syncNow(deps: XeroDeps, userId: string): Promise<{ queued: boolean; status: SyncStatus }> {
  const { tenantId, sync } = await userTenant(deps.db, userId);
  const before = await statusOf(deps, tenantId, sync);
  const recent = before.lastSuccessAt !== null && deps.now().getTime() - before.lastSuccessAt.getTime() < minimumGapMs;
  const queued = before.state !== 'syncing' && !recent ? await deps.sync.requestSync(tenantId) : false;
  return { queued, status: queued ? { ...before, state: 'syncing' } : before };
}
