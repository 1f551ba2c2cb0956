import { and, eq } from 'drizzle-orm';
import { AppError } from '../../shared/errors';
import { loadConnection } from './connection-store';
import { notConnected } from './module-errors';
import { xeroTenants } from './schema';
import { xeroStatus, type XeroStatus } from './status-service';
import type { XeroDeps } from './xero-deps';

/**
 * Makes one of the user's own organisations the one Xero calls go to. Only a tenant of this user's
 * connection can be chosen: a tenant id from anywhere else is "not connected to your account".
 */
export async function selectTenant(deps: XeroDeps, userId: string, tenantId: string): Promise<XeroStatus> {
  const loaded = await loadConnection(deps.db, userId);
  if (!loaded) throw notConnected();
  const connectionId = loaded.connection.id;
  const selected = await deps.db.transaction(async (tx) => {
    const [target] = await tx
      .select({ id: xeroTenants.id })
      .from(xeroTenants)
      .where(and(eq(xeroTenants.connectionId, connectionId), eq(xeroTenants.tenantId, tenantId)));
    if (!target) return false;
    await tx.update(xeroTenants).set({ selected: false }).where(eq(xeroTenants.connectionId, connectionId));
    await tx.update(xeroTenants).set({ selected: true }).where(eq(xeroTenants.id, target.id));
    return true;
  });
  if (!selected) throw new AppError('NOT_FOUND', 'That organisation is not connected to your account.');
  return xeroStatus(deps, userId);
}
