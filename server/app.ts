import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { registerAuthRoutes } from './http/auth-routes';
import { registerHealthRoute } from './http/health';
import { registerSameOriginGuard } from './http/same-origin-guard';
import { registerSecurityHeaders } from './http/security-headers';
import { registerSpa } from './http/spa';
import { registerTrpc } from './http/trpc-plugin';
import { currentSession } from './auth/account-service';
import { xeroViewerOf } from './auth/xero-viewer';
import { toHeaders } from './http/request-headers';
import type { AppDeps } from './app-deps';
import type { TrustProxy } from './env';
import type { AppLogger } from './log/app-logger';
import { registerXeroCallbackRoute } from './xero/callback-route';
import { registerXeroWebhookRoute } from './xero/webhooks/webhook-route';

export interface AppOptions {
  publicUrl: string;
  /** The built SPA's folder, or null to serve the API alone (as in `npm run dev`, where Vite serves it). */
  spaDir: string | null;
  /** The app's logger (server/log/app-logger.ts), shared with the auth library. */
  logger: AppLogger;
  /** Production adds HSTS (over https) and stops serving source maps. */
  isProduction: boolean;
  /** Whether X-Forwarded-For is believed for the client's address (behind a known reverse proxy only). */
  trustProxy: TrustProxy;
}

export async function buildApp(deps: AppDeps, options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    // Typed as Fastify's logger so the app stays FastifyInstance for the route modules; it is pino either way.
    loggerInstance: options.logger as FastifyBaseLogger,
    trustProxy: options.trustProxy,
    // tRPC batches put every procedure name in the path.
    routerOptions: { maxParamLength: 5000 },
  });
  registerSecurityHeaders(app, {
    strictTransport: options.isProduction && options.publicUrl.startsWith('https://'),
  });
  // In development PUBLIC_URL is Vite's origin (server/cli/dev.ts), whose proxy passes Origin through.
  registerSameOriginGuard(app, [options.publicUrl]);
  registerHealthRoute(app, deps.db);
  registerAuthRoutes(app, deps.auth, options.publicUrl);
  await registerTrpc(app, deps);
  registerXeroCallbackRoute(app, deps.xero, async (request) =>
    xeroViewerOf(await currentSession(deps.auth, toHeaders(request.headers))),
  );
  await registerXeroWebhookRoute(app, deps.xero);
  await registerSpa(app, { spaDir: options.spaDir, serveSourceMaps: !options.isProduction });
  return app;
}
