import { eq, inArray } from 'drizzle-orm';
import { xeroSyncStates } from '../mirror/schema';
import { xeroTenants } from '../schema';
import type { XeroDeps } from '../xero-deps';
import { webhookPayload, type WebhookEvent } from './payload';
import { xeroWebhookEvents } from './schema';
import { isXeroSignatureValid } from './signature';

export type WebhookOutcome =
  | { status: 200; stored: number; ignored: number }
  | { status: 401; reason: 'no_key' | 'bad_signature' }
  | { status: 400; reason: 'bad_payload' };

/** Categories we mirror; the others (invoices, subscriptions) are acknowledged and dropped. */
const mirroredCategories = new Set(['CONTACT']);

/**
 * One delivery from Xero: signature first (an unsigned or wrongly signed body is 401 and nothing is read),
 * then the events for organisations somebody here is connected to go into the inbox in one statement;
 * the rest are acknowledged and dropped. Intent to Receive is a correctly or wrongly signed empty delivery,
 * so it takes the same path. Fast by design: Xero wants its 200 within 5 seconds, so the work of fetching
 * what changed happens later, off the request.
 */
export async function receiveWebhook(
  deps: XeroDeps,
  rawBody: Buffer,
  signature: string | undefined,
): Promise<WebhookOutcome> {
  const config = await deps.config.current();
  if (!config?.webhookKey) return { status: 401, reason: 'no_key' };
  if (!isXeroSignatureValid(rawBody, signature, config.webhookKey)) return { status: 401, reason: 'bad_signature' };
  let payload;
  try {
    payload = webhookPayload.parse(JSON.parse(rawBody.toString('utf8')));
  } catch {
    return { status: 400, reason: 'bad_payload' };
  }
  const candidates = payload.events.filter((event) => mirroredCategories.has(event.eventCategory));
  const known = await connectedTenants(deps, [...new Set(candidates.map((event) => event.tenantId))]);
  const wanted = candidates.filter((event) => known.has(event.tenantId));
  const stored = await storeEvents(deps, wanted);
  await announce(deps, wanted);
  return { status: 200, stored, ignored: payload.events.length - wanted.length };
}

/**
 * Hands each organisation's events to the queue, which fetches the contacts into the mirror and then tells
 * open pages. Where nothing can do that now (no queue in this process, or the first sync still running, when
 * pages read Xero live), open pages are told at once so they refetch from Xero.
 */
async function announce(deps: XeroDeps, events: WebhookEvent[]): Promise<void> {
  const byTenant = new Map<string, Set<string>>();
  for (const event of events)
    byTenant.set(event.tenantId, (byTenant.get(event.tenantId) ?? new Set()).add(event.resourceId));
  for (const [tenantId, contactIds] of byTenant) {
    const queued = await deps.sync.requestWebhookFetch(tenantId);
    const [state] = await deps.db
      .select({ initialDoneAt: xeroSyncStates.initialDoneAt })
      .from(xeroSyncStates)
      .where(eq(xeroSyncStates.tenantId, tenantId));
    if (!queued || !state?.initialDoneAt) await deps.changes.publish({ tenantId, contactIds: [...contactIds] });
  }
}

async function connectedTenants(deps: XeroDeps, tenantIds: string[]): Promise<Set<string>> {
  if (tenantIds.length === 0) return new Set();
  const rows = await deps.db
    .selectDistinct({ tenantId: xeroTenants.tenantId })
    .from(xeroTenants)
    .where(inArray(xeroTenants.tenantId, tenantIds));
  return new Set(rows.map((row) => row.tenantId));
}

async function storeEvents(deps: XeroDeps, events: WebhookEvent[]): Promise<number> {
  if (events.length === 0) return 0;
  const inserted = await deps.db
    .insert(xeroWebhookEvents)
    .values(
      events.map((event) => ({
        tenantId: event.tenantId,
        resourceId: event.resourceId,
        eventCategory: event.eventCategory,
        eventType: event.eventType,
        eventDateUtc: new Date(event.eventDateUtc),
      })),
    )
    .onConflictDoNothing()
    .returning({ id: xeroWebhookEvents.id });
  return inserted.length;
}
