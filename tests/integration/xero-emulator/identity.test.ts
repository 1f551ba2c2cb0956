import { decodeJwt } from 'jose';
import { errors, generators } from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../server/xero-emulator';
import { authorize, discoverClient, testRedirectUri, testScopes, xeroClientFor } from '../../support/emulator-oidc';
import { completeConsent } from '../../support/xero-consent';

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({
    port: 0,
    seed: { contactsPerOrganisation: 20 },
    clients: [{ clientId: 'client-a', clientSecret: 'secret-a', redirectUris: [testRedirectUri] }],
  });
});
afterAll(async () => emulator.close());

describe('emulator identity through openid-client and xero-node', () => {
  it('runs consent → callback → a token set whose id_token openid-client verified', async () => {
    const client = await discoverClient(emulator);
    const tokenSet = await authorize(client, { email: 'Grace@Example.com', givenName: 'Grace', familyName: 'Hopper' });
    const claims = tokenSet.claims();
    expect(claims).toMatchObject({
      email: 'Grace@Example.com',
      given_name: 'Grace',
      family_name: 'Hopper',
      aud: 'client-a',
      iss: emulator.url,
    });
    expect(claims.xero_userid).toMatch(/^[0-9a-f-]{36}$/);
    expect(tokenSet.expires_in).toBeGreaterThan(1700);
    expect(tokenSet.refresh_token).toBeTruthy();
    const access = decodeJwt(tokenSet.access_token ?? '');
    expect(access).toMatchObject({ xero_userid: claims.xero_userid, scope: testScopes });
    expect(access.authentication_event_id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('omits the nonce when none was sent and still verifies', async () => {
    const tokenSet = await authorize(await discoverClient(emulator), {}, { nonce: false });
    expect(tokenSet.claims().nonce).toBeUndefined();
  });

  it('accepts client_secret_post and refuses a wrong secret with invalid_client', async () => {
    await expect(authorize(await discoverClient(emulator, { authMethod: 'client_secret_post' }))).resolves.toBeTruthy();
    await expect(authorize(await discoverClient(emulator, { secret: 'wrong' }))).rejects.toMatchObject({
      error: 'invalid_client',
    });
  });

  it('binds the code to PKCE: a wrong verifier is invalid_grant, and a code works once', async () => {
    const client = await discoverClient(emulator);
    const state = generators.state();
    const verifier = generators.codeVerifier();
    const url = client.authorizationUrl({
      redirect_uri: testRedirectUri,
      scope: testScopes.join(' '),
      state,
      code_challenge: generators.codeChallenge(verifier),
      code_challenge_method: 'S256',
    });
    const params = client.callbackParams((await completeConsent(url)).toString());
    await expect(
      client.callback(testRedirectUri, params, {
        state,
        code_verifier: generators.codeVerifier(),
        response_type: 'code',
      }),
    ).rejects.toMatchObject({ error: 'invalid_grant' });
    // The failed attempt did not consume it; the right verifier works once, then never again.
    await expect(
      client.callback(testRedirectUri, params, { state, code_verifier: verifier, response_type: 'code' }),
    ).resolves.toBeTruthy();
    await expect(
      client.callback(testRedirectUri, params, { state, code_verifier: verifier, response_type: 'code' }),
    ).rejects.toMatchObject({ error: 'invalid_grant' });
  });

  it('redirects Cancel with access_denied and the state', async () => {
    const client = await discoverClient(emulator);
    const url = client.authorizationUrl({ redirect_uri: testRedirectUri, scope: 'openid', state: 'state-123' });
    const callback = await completeConsent(url, { decision: 'cancel' });
    expect(callback.searchParams.get('error')).toBe('access_denied');
    expect(callback.searchParams.get('state')).toBe('state-123');
    expect(`${callback.origin}${callback.pathname}`).toBe(testRedirectUri);
  });

  it('shows an error page and never redirects for a bad client_id or redirect_uri', async () => {
    const base = `${emulator.url}/identity/connect/authorize?response_type=code&scope=openid&state=s`;
    for (const query of [
      `&client_id=nope&redirect_uri=${encodeURIComponent(testRedirectUri)}`,
      `&client_id=client-a&redirect_uri=${encodeURIComponent('https://evil.example/cb')}`,
    ]) {
      const response = await fetch(base + query, { redirect: 'manual' });
      expect(response.status).toBe(400);
      expect(response.headers.get('location')).toBeNull();
    }
  });

  it('redirects protocol errors back with the state', async () => {
    const redirect = encodeURIComponent(testRedirectUri);
    const cases: [string, string][] = [
      [
        `response_type=token&client_id=client-a&redirect_uri=${redirect}&scope=openid&state=s`,
        'unsupported_response_type',
      ],
      [`response_type=code&client_id=client-a&redirect_uri=${redirect}&scope=made.up&state=s`, 'invalid_scope'],
      [`response_type=code&client_id=client-a&redirect_uri=${redirect}&scope=openid`, 'invalid_request'],
      [
        `response_type=code&client_id=client-a&redirect_uri=${redirect}&scope=openid&state=s&code_challenge=abc&code_challenge_method=plain`,
        'invalid_request',
      ],
    ];
    for (const [query, error] of cases) {
      const response = await fetch(`${emulator.url}/identity/connect/authorize?${query}`, { redirect: 'manual' });
      expect(response.status).toBe(302);
      expect(new URL(response.headers.get('location') ?? '').searchParams.get('error')).toBe(error);
    }
  });
});

describe('refresh tokens', () => {
  it('rotate on refresh through xero-node; the old one still works inside the grace window and returns the same new token', async () => {
    const client = await discoverClient(emulator);
    const first = await authorize(client);
    const xero = xeroClientFor(emulator, client, first);
    const second = await xero.refreshToken();
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect(second.access_token).not.toBe(first.access_token);
    // A lost response: the client retries with the previous token within 30 minutes.
    emulator.control.advanceClock(29 * 60);
    const retried = await xeroClientFor(emulator, client, first).refreshToken();
    expect(retried.refresh_token).toBe(second.refresh_token);
  });

  it('refuses a rotated token after the grace window, with invalid_grant', async () => {
    const client = await discoverClient(emulator);
    const first = await authorize(client);
    await xeroClientFor(emulator, client, first).refreshToken();
    emulator.control.advanceClock(31 * 60);
    const failure = await xeroClientFor(emulator, client, first)
      .refreshToken()
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(errors.OPError);
    expect(failure).toMatchObject({ error: 'invalid_grant' });
  });

  it('refuses a token two rotations old, a revoked one, and one unused for 60 days', async () => {
    const client = await discoverClient(emulator);
    const first = await authorize(client);
    const second = await xeroClientFor(emulator, client, first).refreshToken();
    await xeroClientFor(emulator, client, second).refreshToken();
    await expect(xeroClientFor(emulator, client, first).refreshToken()).rejects.toMatchObject({
      error: 'invalid_grant',
    });

    const revokedSet = await authorize(client);
    await xeroClientFor(emulator, client, revokedSet).revokeToken();
    await expect(xeroClientFor(emulator, client, revokedSet).refreshToken()).rejects.toMatchObject({
      error: 'invalid_grant',
    });

    const idle = await authorize(client);
    emulator.control.advanceClock(60 * 24 * 60 * 60 + 1);
    await expect(xeroClientFor(emulator, client, idle).refreshToken()).rejects.toMatchObject({
      error: 'invalid_grant',
    });
  });
});
