import { eq } from 'drizzle-orm';
import { xeroMirrorContacts, xeroSyncStates, type XeroSyncState } from '../../server/db/schema';
import type { TestContext } from './test-app';
import { waitFor } from './wait-for';

export const apiCalls = (context: TestContext, tenantId: string) =>
  context.emulator.control.counters().apiCallsByTenant[tenantId] ?? 0;

export async function syncState(context: TestContext, tenantId: string): Promise<XeroSyncState | undefined> {
  const [row] = await context.db.db.select().from(xeroSyncStates).where(eq(xeroSyncStates.tenantId, tenantId));
  return row;
}

/** Waits until the organisation's sync has succeeded after `after` (its first sync when omitted). */
export async function syncedAfter(context: TestContext, tenantId: string, after = new Date(0)): Promise<XeroSyncState> {
  return waitFor(`a sync of ${tenantId}`, async () => {
    const state = await syncState(context, tenantId);
    return state?.lastSuccessAt && state.lastSuccessAt > after && !state.runningSince ? state : undefined;
  });
}

export async function mirrorRows(context: TestContext, tenantId: string) {
  return context.db.db.select().from(xeroMirrorContacts).where(eq(xeroMirrorContacts.tenantId, tenantId));
}
