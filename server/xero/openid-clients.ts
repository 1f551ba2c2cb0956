import { custom, Issuer, type BaseClient } from 'openid-client';
import { AppError } from '../../shared/errors';
import type { XeroAppConfig } from './config';

const httpTimeoutMs = 10_000;
// Discovery requests time out too (openid-client's default is 3.5 s; Xero can be slower). Set once.
Issuer[custom.http_options] = () => ({ timeout: httpTimeoutMs });

/**
 * One OpenID client per Xero app configuration, shared by all requests: it holds no user state (unlike
 * XeroClient). The issuer is discovered from our configured identity URL, because xero-node's own
 * initialize() always discovers https://identity.xero.com.
 */
export class OpenIdClients {
  private readonly clients = new Map<string, Promise<BaseClient>>();

  get(config: XeroAppConfig): Promise<BaseClient> {
    const key = [config.identityUrl, config.clientId, config.clientSecret, config.redirectUri].join('\n');
    let client = this.clients.get(key);
    if (!client) {
      client = this.create(config).catch((error: unknown) => {
        // A failed discovery (Xero unreachable) is retried by the next request, not cached.
        this.clients.delete(key);
        throw error;
      });
      this.clients.set(key, client);
    }
    return client;
  }

  private async create(config: XeroAppConfig): Promise<BaseClient> {
    const issuer = await Issuer.discover(config.identityUrl).catch(() => {
      // Nothing to do with our code or the user's input: say it is Xero (or the way to it).
      throw new AppError(
        'XERO_UNAVAILABLE',
        'Xero’s sign-in service could not be reached, so we cannot connect you right now. Please try again in a moment.',
      );
    });
    const client = new issuer.Client({
      client_id: config.clientId,
      client_secret: config.clientSecret,
      redirect_uris: [config.redirectUri],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    });
    client[custom.http_options] = () => ({ timeout: httpTimeoutMs });
    client[custom.clock_tolerance] = 5;
    return client;
  }
}
