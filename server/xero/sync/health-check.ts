import { and, eq, inArray } from 'drizzle-orm';
import { AppError } from '../../../shared/errors';
import { listConnections } from '../connections-api';
import { xeroSyncStates } from '../mirror/schema';
import { xeroConnections, xeroTenants } from '../schema';
import type { XeroDeps } from '../xero-deps';
import { openConnectionSession } from './tenant-session';

export interface HealthReport {
  checked: number;
  removedOrganisations: number;
  needReauth: number;
  failed: number;
}

/**
 * Xero sends no event when someone disconnects our app from an organisation inside Xero, so once a day
 * each connection's GET /connections is compared with what we hold. An organisation Xero no longer
 * lists is removed from that connection (the mirror goes with the last one, by trigger); a connection
 * left with none needs connecting again, and says so; a revoked grant is found by the token refresh.
 */
export async function checkConnectionsHealth(deps: XeroDeps): Promise<HealthReport> {
  const report: HealthReport = { checked: 0, removedOrganisations: 0, needReauth: 0, failed: 0 };
  const config = await deps.config.current();
  if (!config) return report;
  const rows = await deps.db
    .select({ connectionId: xeroTenants.connectionId, tenantId: xeroTenants.tenantId })
    .from(xeroTenants)
    .innerJoin(xeroConnections, eq(xeroConnections.id, xeroTenants.connectionId))
    .where(eq(xeroConnections.status, 'active'));
  const tenantsByConnection = new Map<string, typeof rows>();
  for (const row of rows)
    tenantsByConnection.set(row.connectionId, [...(tenantsByConnection.get(row.connectionId) ?? []), row]);
  for (const [connectionId, tenants] of tenantsByConnection) {
    report.checked += 1;
    try {
      const session = await openConnectionSession(deps, connectionId, tenants[0]?.tenantId ?? '');
      const listed = await session.call((client) =>
        listConnections(deps.gate, config.apiUrl, client.readTokenSet().access_token ?? ''),
      );
      const stillThere = new Set(listed.map((connection) => connection.tenantId));
      const removed = tenants.map((tenant) => tenant.tenantId).filter((tenantId) => !stillThere.has(tenantId));
      if (removed.length === 0) continue;
      report.removedOrganisations += removed.length;
      await deps.db.transaction(async (tx) => {
        await tx
          .delete(xeroTenants)
          .where(and(eq(xeroTenants.connectionId, connectionId), inArray(xeroTenants.tenantId, removed)));
        await tx
          .update(xeroSyncStates)
          .set({ removedInXeroAt: deps.now() })
          .where(inArray(xeroSyncStates.tenantId, removed));
        if (removed.length === tenants.length) {
          await tx
            .update(xeroConnections)
            .set({ status: 'needs_reauth', updatedAt: deps.now() })
            .where(eq(xeroConnections.id, connectionId));
        }
      });
      if (removed.length === tenants.length) report.needReauth += 1;
    } catch (error) {
      if (error instanceof AppError && error.code === 'XERO_REAUTH_REQUIRED') report.needReauth += 1;
      else report.failed += 1;
    }
  }
  return report;
}
