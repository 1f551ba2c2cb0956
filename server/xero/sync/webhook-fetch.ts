import { and, asc, eq, inArray, isNull, lt, lte } from 'drizzle-orm';
import { xeroWebhookEvents } from '../webhooks/schema';
import type { XeroDeps } from '../xero-deps';
import { toMirrorRow } from './contact-row';
import { ensureSyncState, storePage } from './sync-state-store';
import { openTenantSession } from './tenant-session';

/** Xero takes a list of ids on GET /Contacts; 50 keeps the URL well inside every proxy's limit. */
const idsPerCall = 50;
/** Events handled per job run; the job asks for another run while more remain. */
const maxEventsPerRun = 1000;

export interface WebhookFetchReport {
  /** False while the organisation's first sync runs: its events wait, and are handled after it. */
  ran: boolean;
  events: number;
  contacts: number;
  calls: number;
  more: boolean;
}

/**
 * Brings the contacts named by stored webhook events into the mirror: the distinct ids, fetched in
 * batches with Xero's `IDs=` filter (archived included), stored with the sync's own rule that an older copy
 * never overwrites a newer one, then the events are marked done and open pages told. A burst of events
 * for one contact costs one lookup. Events that arrive during the first full sync stay in the inbox until
 * it is done, because pages it already fetched would not see the change.
 */
export async function fetchWebhookChanges(deps: XeroDeps, tenantId: string): Promise<WebhookFetchReport> {
  const state = await ensureSyncState(deps.db, tenantId);
  if (!state.initialDoneAt) return { ran: false, events: 0, contacts: 0, calls: 0, more: false };
  const takenAt = deps.now();
  const pending = await deps.db
    .select({ id: xeroWebhookEvents.id, resourceId: xeroWebhookEvents.resourceId })
    .from(xeroWebhookEvents)
    .where(
      and(
        eq(xeroWebhookEvents.tenantId, tenantId),
        isNull(xeroWebhookEvents.processedAt),
        lte(xeroWebhookEvents.receivedAt, takenAt),
      ),
    )
    .orderBy(asc(xeroWebhookEvents.receivedAt))
    .limit(maxEventsPerRun + 1);
  const more = pending.length > maxEventsPerRun;
  const events = pending.slice(0, maxEventsPerRun);
  if (events.length === 0) return { ran: true, events: 0, contacts: 0, calls: 0, more: false };
  const contactIds = [...new Set(events.map((event) => event.resourceId))];
  const session = await openTenantSession(deps, tenantId);
  let calls = 0;
  for (let start = 0; start < contactIds.length; start += idsPerCall) {
    const ids = contactIds.slice(start, start + idsPerCall);
    const { body } = await session.call((client, tenant) =>
      client.accountingApi.getContacts(tenant, undefined, undefined, undefined, ids, undefined, true),
    );
    calls += 1;
    const rows = (body.contacts ?? []).flatMap((contact) => toMirrorRow(tenantId, contact) ?? []);
    await storePage(deps.db, tenantId, rows, {});
  }
  await deps.db
    .update(xeroWebhookEvents)
    .set({ processedAt: deps.now() })
    .where(
      inArray(
        xeroWebhookEvents.id,
        events.map((event) => event.id),
      ),
    );
  // Done events are kept a day (they say webhooks are flowing, and help explain a change), then go.
  await deps.db
    .delete(xeroWebhookEvents)
    .where(
      and(
        eq(xeroWebhookEvents.tenantId, tenantId),
        lt(xeroWebhookEvents.processedAt, new Date(takenAt.getTime() - 24 * 60 * 60 * 1000)),
      ),
    );
  await deps.changes.publish({ tenantId, contactIds });
  return { ran: true, events: events.length, contacts: contactIds.length, calls, more };
}
