import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { BaseClient } from 'openid-client';
import { AppError } from '../../shared/errors';
import { humanDuration } from '../../shared/human-duration';
import { xeroConnections, type XeroConnection } from './schema';
import { xeroRefreshClaims } from './calls/schema';
import type { XeroAppConfig } from './config';
import { fromTokenSet, openTokenSet, sealTokenSet, type StoredTokenSet } from './stored-token-set';
import type { XeroDeps } from './xero-deps';
import { classifyXeroError, toAppError, XeroFailure } from './xero-failure';
import { notConnected, reauthRequired } from './module-errors';

/** Refresh when less than this remains: a call that starts now must not meet an expired token. */
export const refreshMarginMs = 5 * 60 * 1000;
/** A token this far from expiry is still good to use while a refresh is claimed elsewhere or backing off. */
const usableMarginMs = 30 * 1000;
const pollMs = 100;
const maxBackoffMs = 5 * 60 * 1000;

export interface FreshTokens {
  tokenSet: StoredTokenSet;
  version: number;
}

export interface RefreshRequest {
  /** Refresh even if not near expiry (after a 401), but only if nobody refreshed since `seenVersion`. */
  force?: { seenVersion: number };
  /** Epoch ms by which the caller needs an answer. */
  deadline?: number;
}

function needsRefresh(row: XeroConnection, now: Date, request: RefreshRequest): boolean {
  if (request.force) return row.tokenVersion === request.force.seenVersion;
  return row.accessTokenExpiresAt.getTime() - now.getTime() < refreshMarginMs;
}

const stillUsable = (row: XeroConnection, now: Date) =>
  row.accessTokenExpiresAt.getTime() - now.getTime() > usableMarginMs;

export { reauthRequired };

const signInUnavailable = (waitMs: number) =>
  new AppError(
    'XERO_UNAVAILABLE',
    `Xero's sign-in service is not answering; we will try again in ${humanDuration(waitMs)}.`,
    { retryAfter: Math.max(1, Math.ceil(waitMs / 1000)) },
  );

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const tokensOf = (deps: XeroDeps, row: XeroConnection): FreshTokens => ({
  tokenSet: openTokenSet(deps.cipher, row.tokenSetEnc),
  version: row.tokenVersion,
});

/** Refreshes in flight in this process, by connection: concurrent callers share one token request. */
const inFlight = new WeakMap<XeroDeps, Map<string, Promise<FreshTokens>>>();

/**
 * A usable token set for a connection, refreshing it when needed. Xero's refresh tokens are single use,
 * so one refresh at a time per connection across every process: a claim row taken in one statement,
 * the call to Xero outside any transaction, then the new token set written with a compare-and-set on
 * the token version. Other processes re-read until the claim is gone. A failed refresh backs off; a lost
 * response is recovered by the next refresh, because Xero honours the previous refresh token for 30 minutes.
 */
export async function freshTokens(
  deps: XeroDeps,
  config: XeroAppConfig,
  connection: XeroConnection,
  request: RefreshRequest = {},
): Promise<FreshTokens> {
  if (connection.status !== 'active') throw reauthRequired();
  if (!needsRefresh(connection, deps.now(), request)) return tokensOf(deps, connection);
  let byConnection = inFlight.get(deps);
  if (!byConnection) inFlight.set(deps, (byConnection = new Map()));
  const shared = byConnection.get(connection.id);
  if (shared) return shared;
  const flight = refreshShared(deps, config, connection.id, request).finally(() => byConnection.delete(connection.id));
  byConnection.set(connection.id, flight);
  return flight;
}

async function readConnection(deps: XeroDeps, connectionId: string) {
  const [row] = await deps.db
    .select({
      connection: xeroConnections,
      notBeforeMs: sql<
        number | null
      >`(extract(epoch from (${xeroRefreshClaims.notBefore} - now())) * 1000)::double precision`.mapWith(Number),
    })
    .from(xeroConnections)
    .leftJoin(xeroRefreshClaims, eq(xeroRefreshClaims.connectionId, xeroConnections.id))
    .where(eq(xeroConnections.id, connectionId));
  return row;
}

async function refreshShared(
  deps: XeroDeps,
  config: XeroAppConfig,
  connectionId: string,
  request: RefreshRequest,
): Promise<FreshTokens> {
  const deadline = request.deadline ?? deps.gate.deadline();
  for (;;) {
    const read = await readConnection(deps, connectionId);
    if (!read) throw notConnected();
    const row = read.connection;
    if (row.status !== 'active') throw reauthRequired();
    if (!needsRefresh(row, deps.now(), request)) return tokensOf(deps, row);
    const backoffMs = read.notBeforeMs ?? 0;
    if (backoffMs > 0) {
      if (stillUsable(row, deps.now())) return tokensOf(deps, row);
      throw signInUnavailable(backoffMs);
    }
    const claimId = randomUUID();
    const claimUntil = sql`now() + (${deps.gate.limits.timeoutMs + 5000}::double precision * interval '1 millisecond')`;
    const claimed = await deps.db
      .insert(xeroRefreshClaims)
      .values({ connectionId, claimId, claimedUntil: claimUntil })
      .onConflictDoUpdate({
        target: xeroRefreshClaims.connectionId,
        set: { claimId, claimedUntil: claimUntil },
        setWhere: sql`(${xeroRefreshClaims.claimedUntil} is null or ${xeroRefreshClaims.claimedUntil} < now())
          and (${xeroRefreshClaims.notBefore} is null or ${xeroRefreshClaims.notBefore} <= now())`,
      })
      .returning({ claimId: xeroRefreshClaims.claimId });
    if (claimed.length === 0) {
      // Another process is refreshing: its token will do. Use ours while it lasts, else wait and re-read.
      if (stillUsable(row, deps.now())) return tokensOf(deps, row);
      if (Date.now() + pollMs > deadline) throw signInUnavailable(pollMs);
      await sleep(pollMs);
      continue;
    }
    return refreshClaimed(deps, config, connectionId, claimId, request, deadline);
  }
}

async function releaseClaim(deps: XeroDeps, connectionId: string, claimId: string, failed: boolean) {
  await deps.db
    .update(xeroRefreshClaims)
    .set(
      failed
        ? {
            claimId: null,
            claimedUntil: null,
            failures: sql`${xeroRefreshClaims.failures} + 1`,
            // The first failure may be a lost response, which the next try mends inside Xero's grace: no
            // wait. Then 1 s, doubling, at most 5 minutes, so a down Xero is not asked by every caller.
            notBefore: sql`now() + (case when ${xeroRefreshClaims.failures} = 0 then 0
              else least(${maxBackoffMs}::double precision, 1000 * power(2, ${xeroRefreshClaims.failures} - 1)) end)
              * interval '1 millisecond'`,
          }
        : { claimId: null, claimedUntil: null, failures: 0, notBefore: null },
    )
    .where(and(eq(xeroRefreshClaims.connectionId, connectionId), eq(xeroRefreshClaims.claimId, claimId)));
}

async function markNeedsReauth(deps: XeroDeps, row: XeroConnection) {
  await deps.db
    .update(xeroConnections)
    .set({ status: 'needs_reauth', updatedAt: deps.now() })
    .where(and(eq(xeroConnections.id, row.id), eq(xeroConnections.tokenVersion, row.tokenVersion)));
}

async function refreshClaimed(
  deps: XeroDeps,
  config: XeroAppConfig,
  connectionId: string,
  claimId: string,
  request: RefreshRequest,
  deadline: number,
): Promise<FreshTokens> {
  let failed = true;
  try {
    // Re-read under the claim: someone may have finished a refresh between our read and our claim.
    const [row] = await deps.db.select().from(xeroConnections).where(eq(xeroConnections.id, connectionId));
    if (!row) throw notConnected();
    if (row.status !== 'active') throw reauthRequired();
    if (!needsRefresh(row, deps.now(), request)) {
      failed = false;
      return tokensOf(deps, row);
    }
    const current = openTokenSet(deps.cipher, row.tokenSetEnc);
    const refreshToken = current.refresh_token;
    if (!refreshToken) {
      failed = false;
      await markNeedsReauth(deps, row);
      throw reauthRequired();
    }
    const openIdClient: BaseClient = await deps.openId.get(config);
    let refreshed: StoredTokenSet;
    try {
      refreshed = await deps.gate.identity(config.clientId, 'refresh token', deadline, async () =>
        fromTokenSet(await openIdClient.refresh(refreshToken), current),
      );
    } catch (error) {
      const failure = classifyXeroError(error);
      if (failure.kind !== 'invalid_grant') throw toAppError(failure);
      // Revoked, expired after 60 idle days, or reused: only the user can mend it, by connecting again.
      failed = false;
      await markNeedsReauth(deps, row);
      throw reauthRequired();
    }
    const version = row.tokenVersion + 1;
    const written = await deps.db
      .update(xeroConnections)
      .set({
        tokenSetEnc: sealTokenSet(deps.cipher, refreshed),
        accessTokenExpiresAt: new Date(refreshed.expires_at * 1000),
        tokenVersion: version,
        lastRefreshedAt: deps.now(),
        updatedAt: deps.now(),
      })
      .where(and(eq(xeroConnections.id, row.id), eq(xeroConnections.tokenVersion, row.tokenVersion)))
      .returning({ id: xeroConnections.id });
    failed = false;
    if (written.length === 0) {
      // Our claim outlived its lease and someone else wrote first: theirs is the one Xero now honours.
      const [latest] = await deps.db.select().from(xeroConnections).where(eq(xeroConnections.id, connectionId));
      if (!latest || latest.status !== 'active') throw reauthRequired();
      return tokensOf(deps, latest);
    }
    return { tokenSet: refreshed, version };
  } catch (error) {
    if (error instanceof AppError || error instanceof XeroFailure) throw error;
    throw toAppError(classifyXeroError(error));
  } finally {
    await releaseClaim(deps, connectionId, claimId, failed);
  }
}
