import { createHash } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import type { Clock } from '../clock';
import { newId } from '../ids';
import type { SigningKey } from '../keys';
import type { Grant, XeroIdentity } from '../model';

export interface TokenSigner {
  issuer: string;
  key: SigningKey;
  clock: Clock;
  accessTokenTtlSeconds: number;
}

/**
 * Claims carry real time, not the emulator's movable clock: clients check iat and nbf against their own
 * clocks, and an id_token "from the future" would be refused.
 */
const realNowSeconds = () => Math.floor(Date.now() / 1000);

function sign(signer: TokenSigner, claims: Record<string, unknown>, typ: string) {
  return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: signer.key.kid, typ }).sign(signer.key.privateKey);
}

/** OIDC's at_hash: the left half of the access token's SHA-256, base64url. */
function accessTokenHash(accessToken: string): string {
  const digest = createHash('sha256').update(accessToken).digest();
  return digest.subarray(0, digest.length / 2).toString('base64url');
}

/** Xero's access tokens are JWTs that carry the authentication event that picked the tenants. */
export async function signAccessToken(
  signer: TokenSigner,
  grant: Grant,
): Promise<{ token: string; jti: string; expiresAt: number }> {
  const now = realNowSeconds();
  const jti = newId().replace(/-/g, '');
  // The emulator judges expiry on its own movable clock; the claim is in real time for clients.
  const expiresAt = signer.clock.nowSeconds() + signer.accessTokenTtlSeconds;
  const token = await sign(
    signer,
    {
      nbf: now,
      exp: now + signer.accessTokenTtlSeconds,
      iss: signer.issuer,
      aud: `${signer.issuer}/resources`,
      client_id: grant.clientId,
      sub: grant.xeroUserId.replace(/-/g, ''),
      auth_time: now,
      xero_userid: grant.xeroUserId,
      global_session_id: grant.globalSessionId,
      sid: grant.globalSessionId,
      jti,
      authentication_event_id: grant.authEventId,
      scope: grant.scopes,
      iat: now,
    },
    'at+jwt',
  );
  return { token, jti, expiresAt };
}

export async function signIdToken(
  signer: TokenSigner,
  grant: Grant,
  identity: XeroIdentity,
  accessToken: string,
): Promise<string> {
  const now = realNowSeconds();
  return sign(
    signer,
    {
      nbf: now,
      exp: now + 300,
      iss: signer.issuer,
      aud: grant.clientId,
      iat: now,
      at_hash: accessTokenHash(accessToken),
      sid: grant.globalSessionId,
      sub: identity.xeroUserId.replace(/-/g, ''),
      auth_time: now,
      xero_userid: identity.xeroUserId,
      global_session_id: grant.globalSessionId,
      preferred_username: identity.email,
      email: identity.email,
      given_name: identity.givenName,
      family_name: identity.familyName,
      // Echoed only when the client sent one: openid-client rejects a nonce it did not ask for.
      ...(grant.nonce ? { nonce: grant.nonce } : {}),
    },
    'JWT',
  );
}

export interface VerifiedAccessToken {
  jti: string;
}

/** Checks signature and issuer. */
export async function verifyAccessToken(signer: TokenSigner, token: string): Promise<VerifiedAccessToken | null> {
  try {
    // Expiry is judged by the caller on the emulator's clock, so jose's own time checks are relaxed.
    const { payload } = await jwtVerify(token, signer.key.publicKey, {
      issuer: signer.issuer,
      clockTolerance: '100 years',
    });
    if (typeof payload.jti !== 'string') return null;
    return { jti: payload.jti };
  } catch {
    return null;
  }
}
