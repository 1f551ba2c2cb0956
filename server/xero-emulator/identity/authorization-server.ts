import { createHash } from 'node:crypto';
import type { Clock } from '../clock';
import { newId, newToken, uuidFrom } from '../ids';
import type {
  AccessTokenRecord,
  AuthorizationCode,
  ConnectionRecord,
  Grant,
  OrganisationRecord,
  RefreshTokenRecord,
  XeroIdentity,
} from '../model';
import type { ResolvedOptions } from '../options';
import { signAccessToken, signIdToken, verifyAccessToken, type TokenSigner } from './tokens';

export interface PendingAuthorization {
  id: string;
  clientId: string;
  redirectUri: string;
  scopes: string[];
  state: string;
  codeChallenge: string | null;
  nonce: string | null;
  expiresAt: number;
}

export interface TokenResponse {
  access_token: string;
  expires_in: number;
  token_type: 'Bearer';
  scope: string;
  refresh_token?: string;
  id_token?: string;
}

/** An OAuth error as the token endpoint answers it: `{ "error": "invalid_grant" }` with a status. */
export class OAuthError extends Error {
  constructor(
    readonly error: string,
    readonly status = 400,
  ) {
    super(error);
  }
}

const s256 = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');

/**
 * Xero's identity server in memory: consent requests, codes, grants with rotating refresh tokens,
 * access tokens, and the user-app-tenant connections they unlock.
 */
export class AuthorizationServer {
  readonly pending = new Map<string, PendingAuthorization>();
  readonly codes = new Map<string, AuthorizationCode>();
  readonly grants = new Map<string, Grant>();
  readonly refreshTokens = new Map<string, RefreshTokenRecord>();
  readonly accessTokens = new Map<string, AccessTokenRecord>();
  readonly identities = new Map<string, XeroIdentity>();
  readonly connections = new Map<string, ConnectionRecord>();
  /** Successful token issues, and every call to the token endpoint (failed ones too). */
  tokenRequestsTotal = 0;
  tokenEndpointCalls = 0;

  constructor(
    private readonly options: ResolvedOptions,
    private readonly clock: Clock,
    private readonly signer: TokenSigner,
    private readonly organisations: () => OrganisationRecord[],
  ) {}

  startAuthorization(request: Omit<PendingAuthorization, 'id' | 'expiresAt'>): PendingAuthorization {
    const pending = { ...request, id: newToken(16), expiresAt: this.clock.now() + 30 * 60 * 1000 };
    this.pending.set(pending.id, pending);
    return pending;
  }

  takePending(id: string): PendingAuthorization | null {
    const pending = this.pending.get(id);
    if (!pending || pending.expiresAt < this.clock.now()) return null;
    return pending;
  }

  /** The consent page's Allow: the person becomes a user of each chosen organisation, connected to the app. */
  approve(
    pending: PendingAuthorization,
    person: Omit<XeroIdentity, 'xeroUserId'>,
    tenantIds: string[],
  ): AuthorizationCode {
    this.pending.delete(pending.id);
    const identity: XeroIdentity = {
      ...person,
      xeroUserId: uuidFrom(`xero-user:${person.email.trim().toLowerCase()}`),
    };
    this.identities.set(identity.xeroUserId, identity);
    const authEventId = newId();
    const now = this.clock.now();
    for (const tenantId of tenantIds) {
      this.ensureOrgUser(tenantId, identity, now);
      const existing = [...this.connections.values()].find(
        (c) => c.clientId === pending.clientId && c.xeroUserId === identity.xeroUserId && c.tenantId === tenantId,
      );
      if (existing) {
        existing.authEventId = authEventId;
        existing.updatedAt = now;
      } else {
        const id = newId();
        this.connections.set(id, {
          id,
          clientId: pending.clientId,
          xeroUserId: identity.xeroUserId,
          tenantId,
          authEventId,
          createdAt: now,
          updatedAt: now,
        });
      }
    }
    const code: AuthorizationCode = {
      code: newToken(32),
      clientId: pending.clientId,
      redirectUri: pending.redirectUri,
      scopes: pending.scopes,
      codeChallenge: pending.codeChallenge,
      nonce: pending.nonce,
      xeroUserId: identity.xeroUserId,
      authEventId,
      expiresAt: now + this.options.authorizationCodeTtlSeconds * 1000,
      usedGrantId: null,
    };
    this.codes.set(code.code, code);
    return code;
  }

  private ensureOrgUser(tenantId: string, identity: XeroIdentity, now: number): void {
    const organisation = this.organisations().find((org) => org.tenantId === tenantId);
    if (!organisation || organisation.users.some((user) => user.userId === identity.xeroUserId)) return;
    organisation.users.push({
      userId: identity.xeroUserId,
      emailAddress: identity.email,
      firstName: identity.givenName,
      lastName: identity.familyName,
      isSubscriber: false,
      organisationRole: 'STANDARD',
      updatedAt: now,
    });
  }

  async exchangeCode(
    clientId: string,
    codeValue: string,
    redirectUri: string,
    codeVerifier: string | undefined,
  ): Promise<TokenResponse> {
    const code = this.codes.get(codeValue);
    if (!code || code.clientId !== clientId) throw new OAuthError('invalid_grant');
    if (code.usedGrantId) {
      // A replayed code means it leaked: revoke what it issued (RFC 6749 §4.1.2).
      this.revokeGrant(code.usedGrantId);
      throw new OAuthError('invalid_grant');
    }
    if (code.expiresAt < this.clock.now() || code.redirectUri !== redirectUri) throw new OAuthError('invalid_grant');
    if (code.codeChallenge !== null && (!codeVerifier || s256(codeVerifier) !== code.codeChallenge))
      throw new OAuthError('invalid_grant');
    const grant: Grant = {
      id: newId(),
      clientId,
      xeroUserId: code.xeroUserId,
      scopes: code.scopes,
      authEventId: code.authEventId,
      globalSessionId: newToken(16),
      nonce: code.nonce,
      revoked: false,
      currentRefreshToken: null,
      tokenRequests: 0,
    };
    code.usedGrantId = grant.id;
    this.grants.set(grant.id, grant);
    return this.issue(grant, { rotate: true, withNonce: true });
  }

  async refresh(clientId: string, token: string): Promise<TokenResponse> {
    const record = this.refreshTokens.get(token);
    const grant = record ? this.grants.get(record.grantId) : undefined;
    if (!record || !grant || grant.revoked || grant.clientId !== clientId) throw new OAuthError('invalid_grant');
    const now = this.clock.now();
    if (now - record.issuedAt > this.options.refreshTokenIdleSeconds * 1000) throw new OAuthError('invalid_grant');
    if (record.rotatedAt === null) return this.issue(grant, { rotate: true, withNonce: false });
    // A rotated token is honoured for the grace period, and answers with the token that replaced it,
    // so a client that lost the first response and retries ends up with the same refresh token.
    const inGrace = now - record.rotatedAt <= this.options.refreshGraceSeconds * 1000;
    if (!inGrace || record.replacedBy !== grant.currentRefreshToken) throw new OAuthError('invalid_grant');
    return this.issue(grant, { rotate: false, withNonce: false });
  }

  private async issue(grant: Grant, how: { rotate: boolean; withNonce: boolean }): Promise<TokenResponse> {
    grant.tokenRequests += 1;
    this.tokenRequestsTotal += 1;
    const access = await signAccessToken(this.signer, grant);
    this.accessTokens.set(access.jti, { jti: access.jti, grantId: grant.id, expiresAt: access.expiresAt });
    const response: TokenResponse = {
      access_token: access.token,
      expires_in: this.options.accessTokenTtlSeconds,
      token_type: 'Bearer',
      scope: grant.scopes.join(' '),
    };
    if (grant.scopes.includes('offline_access')) {
      if (how.rotate || !grant.currentRefreshToken) this.rotateRefreshToken(grant);
      if (grant.currentRefreshToken) response.refresh_token = grant.currentRefreshToken;
    }
    const identity = this.identities.get(grant.xeroUserId);
    if (grant.scopes.includes('openid') && identity) {
      const forToken = how.withNonce ? grant : { ...grant, nonce: null };
      response.id_token = await signIdToken(this.signer, forToken, identity, access.token);
    }
    return response;
  }

  private rotateRefreshToken(grant: Grant): void {
    const now = this.clock.now();
    const token = newToken(32);
    const previous = grant.currentRefreshToken ? this.refreshTokens.get(grant.currentRefreshToken) : undefined;
    if (previous) {
      previous.rotatedAt = now;
      previous.replacedBy = token;
    }
    this.refreshTokens.set(token, { token, grantId: grant.id, issuedAt: now, rotatedAt: null, replacedBy: null });
    grant.currentRefreshToken = token;
  }

  /** Revocation of a refresh token ends its grant and the connections it made, as at Xero. */
  revokeRefreshToken(clientId: string, token: string): void {
    const record = this.refreshTokens.get(token);
    const grant = record ? this.grants.get(record.grantId) : undefined;
    if (grant && grant.clientId === clientId) this.revokeGrant(grant.id);
  }

  revokeGrant(grantId: string): void {
    const grant = this.grants.get(grantId);
    if (!grant) return;
    grant.revoked = true;
    for (const connection of [...this.connections.values()]) {
      if (connection.clientId === grant.clientId && connection.xeroUserId === grant.xeroUserId)
        this.connections.delete(connection.id);
    }
  }

  /** Expires every access token of a grant now, as if 30 minutes had passed for them. */
  expireAccessTokens(grantId?: string): number {
    let expired = 0;
    const now = this.clock.nowSeconds();
    for (const record of this.accessTokens.values()) {
      if (grantId && record.grantId !== grantId) continue;
      record.expiresAt = Math.min(record.expiresAt, now - 1);
      expired += 1;
    }
    return expired;
  }

  /** The live grant behind a bearer access token, or why there is none. */
  async checkBearer(
    authorization: string | undefined,
  ): Promise<{ grant: Grant } | { problem: 'missing' | 'invalid' | 'expired'; expiredAt?: number }> {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    if (!match?.[1]) return { problem: 'missing' };
    const verified = await verifyAccessToken(this.signer, match[1]);
    const record = verified ? this.accessTokens.get(verified.jti) : undefined;
    const grant = record ? this.grants.get(record.grantId) : undefined;
    if (!record || !grant || grant.revoked) return { problem: 'invalid' };
    if (record.expiresAt <= this.clock.nowSeconds()) return { problem: 'expired', expiredAt: record.expiresAt };
    return { grant };
  }

  async grantForBearer(authorization: string | undefined): Promise<Grant | null> {
    const result = await this.checkBearer(authorization);
    return 'grant' in result ? result.grant : null;
  }

  grantForRefreshToken(token: string): Grant | undefined {
    const record = this.refreshTokens.get(token);
    return record ? this.grants.get(record.grantId) : undefined;
  }

  connectionsFor(grant: Grant): ConnectionRecord[] {
    return [...this.connections.values()].filter(
      (c) => c.clientId === grant.clientId && c.xeroUserId === grant.xeroUserId,
    );
  }
}
