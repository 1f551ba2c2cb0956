import { eq } from 'drizzle-orm';
import type { XeroAppConfig } from './config';
import type { Consent } from './flow-exchange';
import { xeroConnections, xeroTenants } from './schema';
import { sealTokenSet } from './stored-token-set';
import type { XeroDeps } from './xero-deps';

/**
 * Stores a consent as the user's one connection, replacing any earlier one and its organisations, in one
 * transaction: a reader sees the old connection or the new one, never a mix. No network call inside.
 */
export async function saveConnection(
  deps: XeroDeps,
  config: XeroAppConfig,
  userId: string,
  consent: Consent,
): Promise<void> {
  const now = deps.now();
  const values = {
    ...consent.identity,
    tokenSetEnc: sealTokenSet(deps.cipher, consent.tokenSet),
    accessTokenExpiresAt: new Date(consent.tokenSet.expires_at * 1000),
    scopes: (consent.tokenSet.scope ?? config.scopes.join(' ')).split(' '),
    status: 'active' as const,
    authorisedAt: now,
    lastRefreshedAt: now,
    updatedAt: now,
  };
  await deps.db.transaction(async (tx) => {
    const [connection] = await tx
      .insert(xeroConnections)
      .values({ userId, ...values })
      .onConflictDoUpdate({ target: xeroConnections.userId, set: values })
      .returning({ id: xeroConnections.id });
    if (!connection) throw new Error('connection upsert returned nothing');
    await tx.delete(xeroTenants).where(eq(xeroTenants.connectionId, connection.id));
    await tx.insert(xeroTenants).values(
      consent.connections.map((item) => ({
        connectionId: connection.id,
        xeroConnectionId: item.id,
        tenantId: item.tenantId,
        tenantName: item.tenantName,
        tenantType: item.tenantType,
        authEventId: item.authEventId,
        selected: item.tenantId === consent.selectedTenantId,
      })),
    );
  });
}
