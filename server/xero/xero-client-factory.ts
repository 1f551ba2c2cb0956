import type { BaseClient } from 'openid-client';
import { XeroClient } from 'xero-node';
import type { XeroAppConfig } from './config';
import type { StoredTokenSet } from './stored-token-set';

/**
 * A fresh XeroClient for one request. XeroClient keeps a token set and tenants in itself, so sharing
 * one between users leaks tokens across requests; only the OpenID client (no user state) is shared.
 * initialize() is never called: it would discover https://identity.xero.com whatever we configured.
 */
export function createXeroClient(
  config: XeroAppConfig,
  openIdClient: BaseClient,
  tokenSet?: StoredTokenSet,
): XeroClient {
  const client = new XeroClient({
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    redirectUris: [config.redirectUri],
    scopes: config.scopes,
  });
  client.openIdClient = openIdClient;
  client.accountingApi.basePath = `${config.apiUrl}/api.xro/2.0`;
  if (tokenSet) client.setTokenSet({ ...tokenSet });
  return client;
}
