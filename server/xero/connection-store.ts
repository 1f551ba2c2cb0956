import { and, eq } from 'drizzle-orm';
import { xeroConnections, xeroTenants, type XeroConnection, type XeroTenant } from '../db/schema';
import type { Db } from '../db/db';

export interface ConnectionWithTenants {
  connection: XeroConnection;
  tenants: XeroTenant[];
}

export async function loadConnection(db: Db, userId: string): Promise<ConnectionWithTenants | null> {
  const [connection] = await db.select().from(xeroConnections).where(eq(xeroConnections.userId, userId));
  if (!connection) return null;
  const tenants = await db.select().from(xeroTenants).where(eq(xeroTenants.connectionId, connection.id)).orderBy(xeroTenants.tenantName);
  return { connection, tenants };
}

/** Selects one of this connection's tenants; false when the tenant is not one of them. */
export async function selectTenant(db: Db, connectionId: string, tenantId: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [target] = await tx.select().from(xeroTenants).where(and(eq(xeroTenants.connectionId, connectionId), eq(xeroTenants.tenantId, tenantId)));
    if (!target) return false;
    await tx.update(xeroTenants).set({ selected: false }).where(eq(xeroTenants.connectionId, connectionId));
    await tx.update(xeroTenants).set({ selected: true }).where(eq(xeroTenants.id, target.id));
    return true;
  });
}
