import { and, desc, eq } from 'drizzle-orm';
import type { XeroClient } from 'xero-node';
import { AppError } from '../../../shared/errors';
import { xeroConnections, xeroTenants } from '../schema';
import { freshTokens, type FreshTokens } from '../token-refresh';
import { createXeroClient } from '../xero-client-factory';
import type { XeroDeps } from '../xero-deps';
import { classifyXeroError, toAppError } from '../xero-failure';
import type { XeroSession } from '../xero-session';

/** The part of a Xero session a background job needs: which connection, which tenant, and `call()`. */
export type TenantSession = Pick<XeroSession, 'connectionId' | 'tenantId' | 'call'>;

/**
 * A Xero session for one organisation through one given connection, for jobs that have no signed-in
 * user. Same rules as `openXeroSession` (this process's share of the tenant's limits, one forced
 * refresh after a 401, typed errors), keyed by connection id rather than user id.
 */
export async function openConnectionSession(
  deps: XeroDeps,
  connectionId: string,
  tenantId: string,
): Promise<TenantSession> {
  const config = await deps.config.require();
  const [row] = await deps.db
    .select({ connection: xeroConnections })
    .from(xeroConnections)
    .innerJoin(xeroTenants, eq(xeroTenants.connectionId, xeroConnections.id))
    .where(and(eq(xeroConnections.id, connectionId), eq(xeroTenants.tenantId, tenantId)));
  if (!row) throw new AppError('XERO_NOT_CONNECTED', 'That connection no longer reaches this organisation.');
  const { connection } = row;
  const openIdClient = await deps.openId.get(config);
  let tokens: FreshTokens = await freshTokens(deps, config, connection);
  let client: XeroClient = createXeroClient(config, openIdClient, tokens.tokenSet);
  return {
    connectionId,
    tenantId,
    async call(operation) {
      let refreshedAfter401 = false;
      for (;;) {
        try {
          return await deps.throttle.run(tenantId, () => operation(client, tenantId));
        } catch (error) {
          if (error instanceof AppError) throw error;
          const failure = classifyXeroError(error);
          if (failure.kind === 'unauthorized' && !refreshedAfter401) {
            refreshedAfter401 = true;
            tokens = await freshTokens(
              deps,
              config,
              { ...connection, tokenVersion: tokens.version },
              { force: { seenVersion: tokens.version } },
            );
            client = createXeroClient(config, openIdClient, tokens.tokenSet);
            continue;
          }
          // A job does not wait out a 429 here: it fails, and its organisation backs off on the queue.
          throw toAppError(failure);
        }
      }
    },
  };
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
