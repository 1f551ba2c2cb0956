import { and, desc, eq } from 'drizzle-orm';
import { AppError } from '../../../shared/errors';
import { xeroConnections, xeroTenants } from '../schema';
import type { XeroDeps } from '../xero-deps';
import { openXeroSessionForConnection, type XeroSession } from '../xero-session';

/** The part of a Xero session a background job needs: which connection, which tenant, and `call()`. */
export type TenantSession = Pick<XeroSession, 'connectionId' | 'tenantId' | 'call'>;

/**
 * A Xero session for one organisation through one given connection, for jobs that have no signed-in
 * user: the same gate as a user's call (deadline, circuit breaker, Xero's limits shared by every process,
 * one forced refresh after a 401, typed errors), keyed by connection id rather than user id.
 */
export async function openConnectionSession(
  deps: XeroDeps,
  connectionId: string,
  tenantId: string,
): Promise<TenantSession> {
  return openXeroSessionForConnection(deps, connectionId, tenantId);
}

/** The active connections that reach an organisation, most recently refreshed first. */
export async function connectionsReaching(deps: XeroDeps, tenantId: string): Promise<string[]> {
  const rows = await deps.db
    .select({ id: xeroConnections.id })
    .from(xeroConnections)
    .innerJoin(xeroTenants, eq(xeroTenants.connectionId, xeroConnections.id))
    .where(and(eq(xeroTenants.tenantId, tenantId), eq(xeroConnections.status, 'active')))
    .orderBy(desc(xeroConnections.lastRefreshedAt), desc(xeroConnections.authorisedAt));
  return rows.map((row) => row.id);
}

/**
 * A session for an organisation through any working connection to it: a connection that needs
 * re-consent is skipped in favour of a colleague's.
 */
export async function openTenantSession(deps: XeroDeps, tenantId: string): Promise<TenantSession> {
  const candidates = await connectionsReaching(deps, tenantId);
  let lastError: unknown = new AppError('XERO_NOT_CONNECTED', 'No working connection reaches this organisation.');
  for (const connectionId of candidates) {
    try {
      return await openConnectionSession(deps, connectionId, tenantId);
    } catch (error) {
      if (error instanceof AppError && error.code === 'XERO_REAUTH_REQUIRED') {
        lastError = error;
        continue;
      }
      throw error;
    }
  }
  throw lastError;
}
