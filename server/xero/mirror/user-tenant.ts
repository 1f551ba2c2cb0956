import { eq } from 'drizzle-orm';
import { xeroConnections, xeroTenants } from '../schema';
import { reauthRequired } from '../token-refresh';
import type { XeroDb } from '../xero-db';
import { xeroSyncStates, type XeroSyncState } from './schema';
import { notConnected } from '../module-errors';

export interface UserTenant {
  connectionId: string;
  tenantId: string;
  /** The organisation's sync state; null before anything asked for its first sync. */
  sync: XeroSyncState | null;
}

/**
 * The organisation a signed-in user is looking at, with its sync state, in one round trip: the
 * selected tenant of their own, working connection (the first by name when none is selected, as the
 * live path does). This is the only way a read reaches the mirror, so one user never sees an
 * organisation their connection does not include, and a connection that needs re-consent reads nothing.
 */
export async function userTenant(db: XeroDb, userId: string): Promise<UserTenant> {
  const rows = await db
    .select({
      connectionId: xeroConnections.id,
      status: xeroConnections.status,
      tenantId: xeroTenants.tenantId,
      selected: xeroTenants.selected,
      sync: xeroSyncStates,
    })
    .from(xeroConnections)
    .leftJoin(xeroTenants, eq(xeroTenants.connectionId, xeroConnections.id))
    .leftJoin(xeroSyncStates, eq(xeroSyncStates.tenantId, xeroTenants.tenantId))
    .where(eq(xeroConnections.userId, userId))
    .orderBy(xeroTenants.tenantName);
  const [first] = rows;
  if (!first) throw notConnected();
  if (first.status !== 'active') throw reauthRequired();
  const chosen = rows.find((row) => row.selected) ?? first;
  if (!chosen.tenantId) throw notConnected();
  return { connectionId: chosen.connectionId, tenantId: chosen.tenantId, sync: chosen.sync };
}
