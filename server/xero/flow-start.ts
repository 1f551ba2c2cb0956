import { createHash } from 'node:crypto';
import { lt } from 'drizzle-orm';
import { generators } from 'openid-client';
import { safeReturnPath } from '../../shared/safe-return-path';
import { secretPurpose } from './config';
import { xeroAuthFlows } from './schema';
import type { XeroViewer } from './viewer';
import type { XeroDeps } from './xero-deps';

const flowLifetimeMs = 10 * 60 * 1000;

/** Flows keep a hash of the session id: enough to compare, nothing to replay if the table leaks. */
export const sessionHashOf = (sessionId: string) => createHash('sha256').update(sessionId).digest('hex');

/**
 * Starts "Connect Xero": a flow row (random state, PKCE verifier, nonce, the user and their session, where
 * to return) and the consent URL for the browser to navigate to. `next` is cleaned, never rejected.
 */
export async function startAuthorization(deps: XeroDeps, viewer: XeroViewer, next: unknown): Promise<{ url: string }> {
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
    userId: viewer.userId,
    sessionHash: sessionHashOf(viewer.sessionId),
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
