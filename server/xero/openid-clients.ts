import { custom, Issuer, type BaseClient, type IssuerMetadata } from 'openid-client';
import { AppError } from '../../shared/errors';
import type { XeroAppConfig } from './config';
import type { XeroGate } from './calls/xero-gate';
import { XeroFailure } from './xero-failure';

/**
 * One OpenID client per Xero app configuration, shared by all requests: it holds no user state (unlike
 * XeroClient). The issuer is discovered from our configured identity URL, because xero-node's own
 * initialize() always discovers https://identity.xero.com. Discovery goes through the gate (a deadline
 * that aborts); the issuer and client get a socket timeout of their own for the requests openid-client
 * makes itself (JWKS, token, revocation), on these objects only, not as a global default.
 */
export class OpenIdClients {
  private readonly clients = new Map<string, Promise<BaseClient>>();

  constructor(private readonly gate: XeroGate) {}

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

  private async discover(identityUrl: string): Promise<IssuerMetadata> {
    return this.gate.plain('discovery', this.gate.deadline(), async (signal) => {
      const response = await fetch(`${identityUrl}/.well-known/openid-configuration`, {
        headers: { accept: 'application/json' },
        signal,
      });
      if (!response.ok)
        throw new XeroFailure(response.status >= 500 ? 'unavailable' : 'bad_request', { status: response.status });
      let metadata: unknown;
      try {
        metadata = await response.json();
      } catch {
        throw new XeroFailure('bad_response', {
          status: response.status,
          reason: 'unparsable discovery document',
          contentType: response.headers.get('content-type'),
        });
      }
      if (typeof (metadata as { issuer?: unknown } | null)?.issuer !== 'string')
        throw new XeroFailure('bad_response', { status: response.status, reason: 'discovery document without issuer' });
      return metadata as IssuerMetadata;
    });
  }

  private async create(config: XeroAppConfig): Promise<BaseClient> {
    const httpOptions = () => ({ timeout: this.gate.limits.timeoutMs });
    const metadata = await this.discover(config.identityUrl).catch(() => {
      // Nothing to do with our code or the user's input: say it is Xero (or the way to it).
      throw new AppError(
        'XERO_UNAVAILABLE',
        'Xero’s sign-in service could not be reached, so we cannot connect you right now. Please try again in a moment.',
      );
    });
    const issuer = new Issuer(metadata);
    issuer[custom.http_options] = httpOptions;
    const client = new issuer.Client({
      client_id: config.clientId,
      client_secret: config.clientSecret,
      redirect_uris: [config.redirectUri],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    });
    client[custom.http_options] = httpOptions;
    client[custom.clock_tolerance] = 5;
    return client;
  }
}
