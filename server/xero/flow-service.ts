import { and, eq, gt, isNull, lt } from 'drizzle-orm';
import { decodeJwt } from 'jose';
import { generators } from 'openid-client';
import { xeroPagePath } from '../../shared/routes';
import { safeReturnPath } from '../../shared/safe-return-path';
import type { XeroCallbackError } from '../../shared/xero-callback-errors';
import { xeroAuthFlows, xeroConnections, xeroTenants, type XeroAuthFlow } from './schema';
import { secretPurpose } from './config';
import { listConnections } from './connections-api';
import { fromTokenSet, sealTokenSet } from './stored-token-set';
import type { XeroDeps } from './xero-deps';

const flowLifetimeMs = 10 * 60 * 1000;

/**
 * Starts "Connect Xero": a flow row (random state, PKCE verifier, the user, where to return) and the
 * consent URL for the browser to navigate to. `next` is cleaned, never rejected.
 */
export async function startAuthorization(deps: XeroDeps, userId: string, next: unknown): Promise<{ url: string }> {
  const config = await deps.config.require();
  const openIdClient = await deps.openId.get(config);
  const state = generators.state();
  const codeVerifier = generators.codeVerifier();
  const nonce = generators.nonce();
  const now = deps.now();
  // Expired flows are useless; clearing them here keeps the table small without a separate job.
  await deps.db.delete(xeroAuthFlows).where(lt(xeroAuthFlows.expiresAt, new Date(now.getTime() - flowLifetimeMs)));
  await deps.db.insert(xeroAuthFlows).values({
    state,
    userId,
    codeVerifierEnc: deps.cipher.encrypt(codeVerifier, secretPurpose.codeVerifier),
    nonce,
    nextPath: safeReturnPath(next),
    createdAt: now,
    expiresAt: new Date(now.getTime() + flowLifetimeMs),
  });
  const url = openIdClient.authorizationUrl({
    redirect_uri: config.redirectUri,
    scope: config.scopes.join(' '),
    state,
    nonce,
    code_challenge: generators.codeChallenge(codeVerifier),
    code_challenge_method: 'S256',
  });
  return { url };
}

export type CallbackOutcome =
  { ok: true; redirectTo: string } | { ok: false; error: XeroCallbackError; redirectTo: string };

const failure = (error: XeroCallbackError, nextPath = xeroPagePath): CallbackOutcome => {
  const target = new URL(nextPath, 'http://local.invalid');
  target.searchParams.set('xero_error', error);
  return { ok: false, error, redirectTo: `${target.pathname}${target.search}${target.hash}` };
};

/** Claims the flow in one statement, so two callbacks with the same state cannot both proceed. */
async function claimFlow(
  deps: XeroDeps,
  state: string,
  userId: string,
): Promise<{ flow: XeroAuthFlow } | { error: XeroCallbackError }> {
  const now = deps.now();
  const [claimed] = await deps.db
    .update(xeroAuthFlows)
    .set({ usedAt: now })
    .where(
      and(
        eq(xeroAuthFlows.state, state),
        eq(xeroAuthFlows.userId, userId),
        isNull(xeroAuthFlows.usedAt),
        gt(xeroAuthFlows.expiresAt, now),
      ),
    )
    .returning();
  if (claimed) return { flow: claimed };
  const [existing] = await deps.db.select().from(xeroAuthFlows).where(eq(xeroAuthFlows.state, state));
  if (!existing) return { error: 'state_unknown' };
  if (existing.userId !== userId) return { error: 'wrong_user' };
  if (existing.usedAt) return { error: 'state_used' };
  return { error: 'state_expired' };
}

/**
 * GET /xero/callback: checks the flow (exists, this user's, unused, unexpired), exchanges the code
 * (id_token verified by openid-client, PKCE and nonce checked), selects the tenant this consent
 * authorised, and stores everything in one transaction. Every failure is a redirect with a code.
 */
export async function completeAuthorization(
  deps: XeroDeps,
  userId: string | null,
  query: Record<string, unknown>,
): Promise<CallbackOutcome> {
  if (!userId) return failure('signed_out');
  const state = typeof query.state === 'string' ? query.state : '';
  if (!state) return failure('state_unknown');
  const claim = await claimFlow(deps, state, userId);
  if ('error' in claim) return failure(claim.error);
  const flow = claim.flow;
  if (query.error === 'access_denied') return failure('access_denied', flow.nextPath);
  if (typeof query.error === 'string' || typeof query.code !== 'string') return failure('xero_error', flow.nextPath);

  const config = await deps.config.require();
  const openIdClient = await deps.openId.get(config);
  let tokenSet;
  try {
    tokenSet = await openIdClient.callback(
      config.redirectUri,
      { code: query.code, state },
      {
        state: flow.state,
        nonce: flow.nonce,
        code_verifier: deps.cipher.decrypt(flow.codeVerifierEnc, secretPurpose.codeVerifier),
        response_type: 'code',
      },
    );
  } catch {
    return failure('exchange_failed', flow.nextPath);
  }
  const stored = fromTokenSet(tokenSet);
  const claims = tokenSet.claims();
  const authEventId = String(decodeJwt(stored.access_token).authentication_event_id ?? '');
  let connections;
  try {
    connections = await listConnections(deps.gate, config.apiUrl, stored.access_token);
  } catch {
    return failure('exchange_failed', flow.nextPath);
  }
  // The organisation(s) this consent just authorised; never silently the first of an older list.
  const authorised = connections.filter((connection) => connection.authEventId === authEventId);
  const selected = authorised[0];
  if (!selected) return failure('no_organisation', flow.nextPath);

  await deps.db.transaction(async (tx) => {
    const values = {
      xeroUserId: String(claims.xero_userid ?? claims.sub),
      email: String(claims.email ?? ''),
      givenName: String(claims.given_name ?? ''),
      familyName: String(claims.family_name ?? ''),
      tokenSetEnc: sealTokenSet(deps.cipher, stored),
      accessTokenExpiresAt: new Date(stored.expires_at * 1000),
      scopes: (stored.scope ?? config.scopes.join(' ')).split(' '),
      status: 'active' as const,
      authorisedAt: deps.now(),
      lastRefreshedAt: deps.now(),
      updatedAt: deps.now(),
    };
    const [connection] = await tx
      .insert(xeroConnections)
      .values({ userId, ...values })
      .onConflictDoUpdate({ target: xeroConnections.userId, set: values })
      .returning({ id: xeroConnections.id });
    if (!connection) throw new Error('connection upsert returned nothing');
    await tx.delete(xeroTenants).where(eq(xeroTenants.connectionId, connection.id));
    await tx.insert(xeroTenants).values(
      connections.map((item) => ({
        connectionId: connection.id,
        xeroConnectionId: item.id,
        tenantId: item.tenantId,
        tenantName: item.tenantName,
        tenantType: item.tenantType,
        authEventId: item.authEventId,
        selected: item.tenantId === selected.tenantId,
      })),
    );
  });
  return { ok: true, redirectTo: flow.nextPath };
}
