import { defaultXeroScopes } from '../../server/xero/create-xero-deps';
import { generators, Issuer, type BaseClient, type TokenSet } from 'openid-client';
import { XeroClient } from 'xero-node';
import type { RunningEmulator } from '../../server/xero-emulator';
import { completeConsent, type ConsentChoice } from './xero-consent';

/** Registered with the emulator and matched as a string; nothing listens there and no test dials it. */
export const testRedirectUri = 'http://app.localhost/xero/callback';
export const testScopes = defaultXeroScopes;

/** An openid-client Client for the emulator, discovered as the app discovers Xero's issuer. */
export async function discoverClient(
  emulator: RunningEmulator,
  overrides: { secret?: string; authMethod?: 'client_secret_basic' | 'client_secret_post' } = {},
): Promise<BaseClient> {
  const issuer = await Issuer.discover(emulator.url);
  const client = emulator.clients[0];
  if (!client) throw new Error('emulator has no client');
  return new issuer.Client({
    client_id: client.clientId,
    client_secret: overrides.secret ?? client.clientSecret,
    redirect_uris: [testRedirectUri],
    response_types: ['code'],
    token_endpoint_auth_method: overrides.authMethod ?? 'client_secret_basic',
  });
}

/** A per-request XeroClient on the shared OpenID client; initialize() is never called (it would reach Xero). */
export function xeroClientFor(emulator: RunningEmulator, openIdClient: BaseClient, tokenSet?: TokenSet): XeroClient {
  const client = emulator.clients[0];
  if (!client) throw new Error('emulator has no client');
  const xero = new XeroClient({
    clientId: client.clientId,
    clientSecret: client.clientSecret,
    redirectUris: [testRedirectUri],
    scopes: testScopes,
  });
  xero.openIdClient = openIdClient;
  xero.accountingApi.basePath = `${emulator.url}/api.xro/2.0`;
  if (tokenSet) xero.setTokenSet(tokenSet);
  return xero;
}

/** The whole consent journey through openid-client with PKCE and a nonce: returns a verified token set. */
export async function authorize(
  openIdClient: BaseClient,
  choice: ConsentChoice = {},
  options: { nonce?: boolean } = {},
): Promise<TokenSet> {
  const state = generators.state();
  const codeVerifier = generators.codeVerifier();
  const nonce = options.nonce === false ? undefined : generators.nonce();
  const url = openIdClient.authorizationUrl({
    redirect_uri: testRedirectUri,
    scope: testScopes.join(' '),
    state,
    code_challenge: generators.codeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    ...(nonce ? { nonce } : {}),
  });
  const callback = await completeConsent(url, choice);
  const params = openIdClient.callbackParams(callback.toString());
  return openIdClient.callback(testRedirectUri, params, {
    state,
    code_verifier: codeVerifier,
    response_type: 'code',
    ...(nonce ? { nonce } : {}),
  });
}
