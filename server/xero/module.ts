import type { FastifyInstance, FastifyRequest } from 'fastify';
import { registerXeroCallbackRoute } from './callback-route';
import { createXeroDeps, type XeroModuleOptions } from './create-xero-deps';
import { createXeroRouter } from './router';
import { registerXeroWebhookRoute } from './webhooks/webhook-route';
import type { ViewerOf } from './viewer';

/**
 * Xero for a tRPC app on Fastify, in three parts: `router` to mount as `xero` in the host's router (its
 * context must carry `xeroViewer()`), `registerRoutes` for the OAuth callback, and `deps` for services and
 * background work. The module owns its tables (`server/xero/schema.ts`); the host's migrations include them.
 */
export function createXeroModule(options: XeroModuleOptions) {
  const deps = createXeroDeps(options);
  return {
    deps,
    router: createXeroRouter(deps),
    /** GET /xero/callback (the OAuth redirect) and POST /xero/webhooks (Xero's signed change events). */
    async registerRoutes(app: FastifyInstance, viewerOf: ViewerOf<FastifyRequest>): Promise<void> {
      registerXeroCallbackRoute(app, deps, viewerOf);
      await registerXeroWebhookRoute(app, deps);
    },
  };
}

export type XeroModule = ReturnType<typeof createXeroModule>;
