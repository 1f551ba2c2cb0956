import { eq } from 'drizzle-orm';
import { xeroConnections, xeroTenants, type XeroConnection, type XeroTenant } from './schema';
import type { XeroDb } from './xero-db';

export interface ConnectionWithTenants {
  connection: XeroConnection;
  tenants: XeroTenant[];
}

/** The user's connection and its tenants, in one round trip: every guarded call starts here. */
export async function loadConnection(db: XeroDb, userId: string): Promise<ConnectionWithTenants | null> {
  const rows = await db
    .select({ connection: xeroConnections, tenant: xeroTenants })
    .from(xeroConnections)
    .leftJoin(xeroTenants, eq(xeroTenants.connectionId, xeroConnections.id))
    .where(eq(xeroConnections.userId, userId))
    .orderBy(xeroTenants.tenantName);
  const [first] = rows;
  if (!first) return null;
  return { connection: first.connection, tenants: rows.flatMap((row) => (row.tenant ? [row.tenant] : [])) };
}
