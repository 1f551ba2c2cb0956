import type { XeroClient } from 'xero-node';
import { AppError } from '../../shared/errors';
import type { XeroAppConfig } from './config';
import { loadConnection } from './connection-store';
import { freshTokens, reauthRequired, type FreshTokens } from './token-refresh';
import { createXeroClient } from './xero-client-factory';
import type { XeroDeps } from './xero-deps';
import { classifyXeroError, toAppError } from './xero-failure';

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

/** What `xeroRequired` puts on the context: everything a Xero procedure needs, already checked. */
export interface XeroSession {
  connectionId: string;
  /** A ready per-request client (token set and API base path set) for the current token. */
  client: XeroClient;
  tenantId: string;
  tenant: XeroTenantRef;
  identity: XeroIdentity;
  linkedXeroUserId: string | null;
  /**
   * Runs Xero calls for the selected tenant within this process's share of Xero's limits; on a 401,
   * refreshes once and retries once; waits out a short 429 a bounded number of times; turns every
   * failure into our typed errors.
   */
  call<T>(operation: (client: XeroClient, tenantId: string) => Promise<T>): Promise<T>;
}

const maxRateLimitRetries = 2;
const maxRetryAfterSeconds = 10;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function openXeroSession(deps: XeroDeps, userId: string): Promise<XeroSession> {
  const config: XeroAppConfig = await deps.config.require();
  const loaded = await loadConnection(deps.db, userId);
  if (!loaded) throw new AppError('XERO_NOT_CONNECTED', 'Connect to Xero to continue.');
  const { connection, tenants } = loaded;
  if (connection.status !== 'active') throw reauthRequired();
  const selected = tenants.find((tenant) => tenant.selected) ?? tenants[0];
  if (!selected) throw new AppError('XERO_NOT_CONNECTED', 'Connect to Xero to continue.');
  const openIdClient = await deps.openId.get(config);
  let tokens: FreshTokens = await freshTokens(deps, config, connection);
  let client = createXeroClient(config, openIdClient, tokens.tokenSet);

  const session: XeroSession = {
    connectionId: connection.id,
    client,
    tenantId: selected.tenantId,
    tenant: { tenantId: selected.tenantId, name: selected.tenantName, type: selected.tenantType },
    identity: {
      xeroUserId: connection.xeroUserId,
      email: connection.email,
      givenName: connection.givenName,
      familyName: connection.familyName,
    },
    linkedXeroUserId: connection.linkedXeroUserId,
    async call(operation) {
      let refreshedAfter401 = false;
      for (let rateLimitRetries = 0; ;) {
        try {
          return await deps.throttle.run(selected.tenantId, () => operation(client, selected.tenantId));
        } catch (error) {
          if (error instanceof AppError) throw error;
          const failure = classifyXeroError(error);
          if (failure.kind === 'unauthorized' && !refreshedAfter401) {
            // Xero can revoke an access token before its expiry; one forced refresh, then one retry.
            refreshedAfter401 = true;
            tokens = await freshTokens(
              deps,
              config,
              { ...connection, tokenVersion: tokens.version },
              { force: { seenVersion: tokens.version } },
            );
            client = createXeroClient(config, openIdClient, tokens.tokenSet);
            session.client = client;
            continue;
          }
          const wait = failure.retryAfterSeconds ?? maxRetryAfterSeconds + 1;
          if (
            failure.kind === 'rate_limited' &&
            rateLimitRetries < maxRateLimitRetries &&
            wait <= maxRetryAfterSeconds
          ) {
            rateLimitRetries += 1;
            await sleep(wait * 1000);
            continue;
          }
          throw toAppError(failure);
        }
      }
    },
  };
  return session;
}
