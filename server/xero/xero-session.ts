import { eq } from 'drizzle-orm';
import type { XeroClient } from 'xero-node';
import { AppError } from '../../shared/errors';
import type { XeroAppConfig } from './config';
import { loadConnection, type ConnectionWithTenants } from './connection-store';
import { xeroConnections, xeroTenants } from './schema';
import { freshTokens, reauthRequired, type FreshTokens } from './token-refresh';
import { createXeroClient } from './xero-client-factory';
import type { XeroDeps } from './xero-deps';
import { classifyXeroError, toAppError } from './xero-failure';
import { notConnected } from './module-errors';

export interface XeroIdentity {
  xeroUserId: string;
  email: string;
  givenName: string;
  familyName: string;
}

export interface XeroTenantRef {
  tenantId: string;
  name: string;
  type: string;
}

/** What `xeroRequired` puts on the context (and what background jobs open): everything already checked. */
export interface XeroSession {
  connectionId: string;
  tenantId: string;
  tenant: XeroTenantRef;
  identity: XeroIdentity;
  linkedXeroUserId: string | null;
  /**
   * Runs one Xero call for the selected tenant through the gate: a deadline per attempt, the circuit
   * breaker, Xero's limits shared by every process, one refresh and retry after a 401, waiting out a
   * 429 within the budget. Every failure becomes one of our typed errors. `operation` names the call
   * in the log. The client handed to `run` is fresh for each attempt: use it for that attempt only.
   */
  call<T>(run: XeroOperation<T>): Promise<T>;
  call<T>(operation: string, run: XeroOperation<T>): Promise<T>;
}

export type XeroOperation<T> = (client: XeroClient, tenantId: string) => Promise<T>;

export interface SessionOptions {
  /** Everything one caller may spend (waiting for a slot, refreshing, retrying), in ms; the gate's by default. */
  budgetMs?: number;
}

async function openSession(
  deps: XeroDeps,
  loaded: ConnectionWithTenants,
  tenantId: string | undefined,
  options: SessionOptions,
): Promise<XeroSession> {
  const config: XeroAppConfig = await deps.config.require();
  const { connection, tenants } = loaded;
  if (connection.status !== 'active') throw reauthRequired();
  const selected = tenantId
    ? tenants.find((tenant) => tenant.tenantId === tenantId)
    : (tenants.find((tenant) => tenant.selected) ?? tenants[0]);
  if (!selected) throw notConnected();
  const budgetMs = options.budgetMs ?? deps.gate.limits.budgetMs;
  const openIdClient = await deps.openId.get(config);
  let tokens: FreshTokens = await freshTokens(deps, config, connection, { deadline: Date.now() + budgetMs });
  const tenant = { tenantId: selected.tenantId, name: selected.tenantName, type: selected.tenantType };

  return {
    connectionId: connection.id,
    tenantId: tenant.tenantId,
    tenant,
    identity: {
      xeroUserId: connection.xeroUserId,
      email: connection.email,
      givenName: connection.givenName,
      familyName: connection.familyName,
    },
    linkedXeroUserId: connection.linkedXeroUserId,
    async call<T>(first: string | XeroOperation<T>, second?: XeroOperation<T>): Promise<T> {
      const operation = typeof first === 'string' ? first : 'accounting call';
      const run = typeof first === 'string' ? second : first;
      if (!run) throw new TypeError('call() needs an operation to run');
      const deadline = Date.now() + budgetMs;
      try {
        return await deps.gate.api(
          { operation, tenantId: tenant.tenantId, organisation: tenant.name, clientId: config.clientId, deadline },
          (probe) => {
            const client = createXeroClient(config, openIdClient, tokens.tokenSet);
            client.accountingApi.setDefaultAuthentication(probe);
            return run(client, tenant.tenantId);
          },
          {
            // Xero can revoke an access token before its expiry: refresh unless someone already did.
            unauthorized: async () => {
              tokens = await freshTokens(
                deps,
                config,
                { ...connection, tokenVersion: tokens.version },
                { force: { seenVersion: tokens.version }, deadline },
              );
            },
          },
        );
      } catch (error) {
        if (error instanceof AppError) throw error;
        throw toAppError(classifyXeroError(error), tenant.name);
      }
    },
  };
}

/** The signed-in user's session, for their selected organisation. */
export async function openXeroSession(
  deps: XeroDeps,
  userId: string,
  options: SessionOptions = {},
): Promise<XeroSession> {
  await deps.config.require();
  const loaded = await loadConnection(deps.db, userId);
  if (!loaded) throw notConnected();
  return openSession(deps, loaded, undefined, options);
}

/**
 * A session for background work, by connection id and organisation (tenant id), with no user request
 * behind it: the same gate, limits and refresh as a user's call.
 */
export async function openXeroSessionForConnection(
  deps: XeroDeps,
  connectionId: string,
  tenantId: string,
  options: SessionOptions = {},
): Promise<XeroSession> {
  await deps.config.require();
  const rows = await deps.db
    .select({ connection: xeroConnections, tenant: xeroTenants })
    .from(xeroConnections)
    .leftJoin(xeroTenants, eq(xeroTenants.connectionId, xeroConnections.id))
    .where(eq(xeroConnections.id, connectionId));
  const [first] = rows;
  if (!first) throw notConnected();
  const tenants = rows.flatMap((row) => (row.tenant ? [row.tenant] : []));
  if (!tenants.some((tenant) => tenant.tenantId === tenantId)) throw notConnected();
  return openSession(deps, { connection: first.connection, tenants }, tenantId, options);
}
