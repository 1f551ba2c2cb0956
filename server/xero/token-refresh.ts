import { eq } from 'drizzle-orm';
import { AppError } from '../../shared/errors';
import { xeroConnections, type XeroConnection } from './schema';
import type { XeroAppConfig } from './config';
import { fromTokenSet, openTokenSet, sealTokenSet, type StoredTokenSet } from './stored-token-set';
import { createXeroClient } from './xero-client-factory';
import type { XeroDeps } from './xero-deps';
import { classifyXeroError, toAppError } from './xero-failure';

/** Refresh when less than this remains: a call that starts now must not meet an expired token. */
export const refreshMarginMs = 5 * 60 * 1000;

export interface FreshTokens {
  tokenSet: StoredTokenSet;
  version: number;
}

export interface RefreshRequest {
  /** Refresh even if not near expiry (after a 401), but only if nobody refreshed since `seenVersion`. */
  force?: { seenVersion: number };
}

function needsRefresh(row: XeroConnection, now: Date, request: RefreshRequest): boolean {
  if (request.force) return row.tokenVersion === request.force.seenVersion;
  return row.accessTokenExpiresAt.getTime() - now.getTime() < refreshMarginMs;
}

export const reauthRequired = () =>
  new AppError('XERO_REAUTH_REQUIRED', 'Your Xero connection has expired. Please connect to Xero again.');

/**
 * A usable token set for a connection, refreshing it when needed. One refresh at a time per
 * connection, across processes: the row is locked (SELECT … FOR UPDATE), re-read after the lock, and
 * the rotated refresh token is written in the same transaction. Xero's refresh tokens are single use,
 * so two processes refreshing the same token would leave one of them with invalid_grant.
 */
export async function freshTokens(
  deps: XeroDeps,
  config: XeroAppConfig,
  connection: XeroConnection,
  request: RefreshRequest = {},
): Promise<FreshTokens> {
  if (connection.status !== 'active') throw reauthRequired();
  if (!needsRefresh(connection, deps.now(), request)) {
    return { tokenSet: openTokenSet(deps.cipher, connection.tokenSetEnc), version: connection.tokenVersion };
  }
  const openIdClient = await deps.openId.get(config);
  const outcome = await deps.db.transaction(async (tx) => {
    const [row] = await tx.select().from(xeroConnections).where(eq(xeroConnections.id, connection.id)).for('update');
    if (!row) return { kind: 'gone' as const };
    if (row.status !== 'active') return { kind: 'reauth' as const };
    const current = openTokenSet(deps.cipher, row.tokenSetEnc);
    // Someone else refreshed while we waited for the lock: use theirs.
    if (!needsRefresh(row, deps.now(), request))
      return { kind: 'fresh' as const, tokens: { tokenSet: current, version: row.tokenVersion } };
    if (!current.refresh_token) {
      await tx
        .update(xeroConnections)
        .set({ status: 'needs_reauth', updatedAt: deps.now() })
        .where(eq(xeroConnections.id, row.id));
      return { kind: 'reauth' as const };
    }
    let refreshed: StoredTokenSet;
    try {
      const client = createXeroClient(config, openIdClient, current);
      refreshed = fromTokenSet(await client.refreshToken(), current);
    } catch (error) {
      const failure = classifyXeroError(error);
      if (failure.kind !== 'invalid_grant') return { kind: 'failed' as const, failure };
      // Revoked, expired after 60 idle days, or reused: only the user can mend it, by connecting again.
      await tx
        .update(xeroConnections)
        .set({ status: 'needs_reauth', updatedAt: deps.now() })
        .where(eq(xeroConnections.id, row.id));
      return { kind: 'reauth' as const };
    }
    const version = row.tokenVersion + 1;
    await tx
      .update(xeroConnections)
      .set({
        tokenSetEnc: sealTokenSet(deps.cipher, refreshed),
        accessTokenExpiresAt: new Date(refreshed.expires_at * 1000),
        tokenVersion: version,
        lastRefreshedAt: deps.now(),
        updatedAt: deps.now(),
      })
      .where(eq(xeroConnections.id, row.id));
    return { kind: 'fresh' as const, tokens: { tokenSet: refreshed, version } };
  });
  switch (outcome.kind) {
    case 'fresh':
      return outcome.tokens;
    case 'gone':
      throw new AppError('XERO_NOT_CONNECTED', 'Connect to Xero to continue.');
    case 'reauth':
      throw reauthRequired();
    default:
      throw toAppError(outcome.failure);
  }
}
