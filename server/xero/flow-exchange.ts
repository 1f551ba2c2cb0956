import { decodeJwt } from 'jose';
import type { XeroCallbackError } from '../../shared/xero-callback-errors';
import { secretPurpose, type XeroAppConfig } from './config';
import { listConnections, type XeroConnectionInfo } from './connections-api';
import type { XeroAuthFlow } from './schema';
import { fromTokenSet, type StoredTokenSet } from './stored-token-set';
import type { XeroDeps } from './xero-deps';

/** What one consent gave us: the tokens, who the person is at Xero, and the organisations they reach. */
export interface Consent {
  tokenSet: StoredTokenSet;
  identity: { xeroUserId: string; email: string; givenName: string; familyName: string };
  connections: XeroConnectionInfo[];
  /** The organisation this consent authorised, selected for API calls. */
  selectedTenantId: string;
}

/**
 * Exchanges the code (openid-client verifies the id_token, PKCE and nonce), then lists /connections and
 * picks the organisation this consent authorised: the one whose authEventId matches the access token's
 * `authentication_event_id`, never silently the first of an older list.
 */
export async function exchangeCode(
  deps: XeroDeps,
  config: XeroAppConfig,
  flow: XeroAuthFlow,
  code: string,
): Promise<Consent | XeroCallbackError> {
  const openIdClient = await deps.openId.get(config);
  let tokenSet;
  try {
    tokenSet = await openIdClient.callback(
      config.redirectUri,
      { code, state: flow.state },
      {
        state: flow.state,
        nonce: flow.nonce,
        code_verifier: deps.cipher.decrypt(flow.codeVerifierEnc, secretPurpose.codeVerifier),
        response_type: 'code',
      },
    );
  } catch {
    return 'exchange_failed';
  }
  const stored = fromTokenSet(tokenSet);
  const claims = tokenSet.claims();
  const authEventId = String(decodeJwt(stored.access_token).authentication_event_id ?? '');
  let connections;
  try {
    connections = await listConnections(config.apiUrl, stored.access_token);
  } catch {
    return 'exchange_failed';
  }
  const selected = connections.find((connection) => connection.authEventId === authEventId);
  if (!selected) return 'no_organisation';
  return {
    tokenSet: stored,
    identity: {
      xeroUserId: String(claims.xero_userid ?? claims.sub),
      email: String(claims.email ?? ''),
      givenName: String(claims.given_name ?? ''),
      familyName: String(claims.family_name ?? ''),
    },
    connections,
    selectedTenantId: selected.tenantId,
  };
}
