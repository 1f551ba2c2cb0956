import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { registerConnectionRoutes } from './api/connections-routes';
import { registerContactRoutes } from './api/contacts-routes';
import { registerContactWriteRoutes } from './api/contacts-write-routes';
import { FaultQueue } from './api/faults';
import { RateLimiter } from './api/rate-limiter';
import { registerSettingsRoutes } from './api/settings-routes';
import { Clock } from './clock';
import type { EmulatorContext } from './context';
import { EmulatorControl, registerControlRoutes } from './control';
import { AuthorizationServer } from './identity/authorization-server';
import { registerAuthorizeRoutes } from './identity/authorize-routes';
import { registerDiscoveryRoutes } from './identity/discovery-routes';
import { registerTokenRoutes } from './identity/token-routes';
import type { TokenSigner } from './identity/tokens';
import { loadSigningKey } from './keys';
import { resolveOptions, type EmulatorClient, type EmulatorOptions } from './options';
import { seedOrganisations } from './seed/seed';
import { registerWebhookControlRoutes } from './webhooks/webhook-control-routes';
import { defaultWebhookOptions, WebhookSender } from './webhooks/webhook-sender';
import { registerWebAppRoutes } from './web-app/web-app-routes';

export interface RunningEmulator {
  /** Base URL: the issuer, and the root of /connections and /api.xro/2.0. */
  url: string;
  clients: EmulatorClient[];
  control: EmulatorControl;
  close(): Promise<void>;
}

function registerFormParser(app: FastifyInstance): void {
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 64 * 1024 },
    (_request, body, done) => {
      done(null, new URLSearchParams(typeof body === 'string' ? body : body.toString('utf8')));
    },
  );
}

/**
 * Starts a local Xero: OpenID Connect identity, /connections, and the Accounting API subset for
 * Contacts, Users and Organisation. Resolves once listening; port 0 picks a free port.
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const resolved = resolveOptions(options);
  const host = options.host ?? '127.0.0.1';
  const clock = new Clock();
  const signer: TokenSigner = {
    issuer: '',
    key: await loadSigningKey(options.dataDir),
    clock,
    accessTokenTtlSeconds: resolved.accessTokenTtlSeconds,
  };
  const organisations = seedOrganisations(resolved.seed);
  const authorization = new AuthorizationServer(resolved, clock, signer, () => organisations);
  const context: EmulatorContext = {
    options: resolved,
    clock,
    signer,
    authorization,
    organisations,
    limiter: new RateLimiter(resolved.limits, clock),
    faults: new FaultQueue(),
    apiCallsByTenant: new Map(),
    webhooks: new WebhookSender(
      clock,
      (tenantId) => [
        ...new Set(
          [...authorization.connections.values()].filter((c) => c.tenantId === tenantId).map((c) => c.clientId),
        ),
      ],
      { ...defaultWebhookOptions, ...options.webhooks },
    ),
  };
  for (const client of resolved.clients)
    if (client.webhook) context.webhooks.subscribe(client.clientId, client.webhook);
  const control = new EmulatorControl(context);

  // forceCloseConnections: a request held open by a 'hang' fault must not keep close() waiting.
  const app = Fastify({ logger: false, forceCloseConnections: true });
  registerFormParser(app);
  registerDiscoveryRoutes(app, context);
  registerAuthorizeRoutes(app, context);
  registerTokenRoutes(app, context);
  registerConnectionRoutes(app, context);
  registerContactRoutes(app, context);
  registerContactWriteRoutes(app, context, control);
  registerSettingsRoutes(app, context);
  registerWebAppRoutes(app, context);
  if (resolved.controlEnabled) {
    await app.register(async (scope) => {
      registerControlRoutes(scope, control);
      registerWebhookControlRoutes(scope, control);
    });
  }
  await app.listen({ port: options.port ?? 0, host });
  const { port } = app.server.address() as AddressInfo;
  const url = (options.publicUrl ?? `http://${host}:${port}`).replace(/\/+$/, '');
  signer.issuer = url;
  return {
    url,
    clients: resolved.clients,
    control,
    async close() {
      context.webhooks.close();
      await app.close();
    },
  };
}
