import Fastify, { type FastifyInstance } from 'fastify';
import { registerAuthRoutes } from './http/auth-routes';
import { registerHealthRoute } from './http/health';
import { registerSecurityHeaders } from './http/security-headers';
import { registerSpa } from './http/spa';
import { registerTrpc } from './http/trpc-plugin';
import { currentSession } from './auth/account-service';
import { xeroViewerOf } from './auth/xero-viewer';
import { toHeaders } from './http/request-headers';
import type { AppDeps } from './app-deps';
import { registerXeroCallbackRoute } from './xero/callback-route';
import { registerXeroWebhookRoute } from './xero/webhooks/webhook-route';

export interface AppOptions {
  publicUrl: string;
  /** The built SPA's folder, or null to serve the API alone (as in `npm run dev`, where Vite serves it). */
  spaDir: string | null;
  logLevel: string;
  /** Human-readable logs (development); JSON lines otherwise, for log collectors. */
  prettyLogs?: boolean;
}

export async function buildApp(deps: AppDeps, options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: options.logLevel,
      ...(options.prettyLogs
        ? { transport: { target: 'pino-pretty', options: { translateTime: 'HH:MM:ss', ignore: 'pid,hostname' } } }
        : {}),
      // Query strings carry OAuth codes and state; they never reach the log.
      serializers: {
        req: (request) => ({ method: request.method, path: request.url.split('?')[0] }),
      },
    },
    // tRPC batches put every procedure name in the path.
    routerOptions: { maxParamLength: 5000 },
  });
  registerSecurityHeaders(app);
  registerHealthRoute(app, deps.db);
  registerAuthRoutes(app, deps.auth, options.publicUrl);
  await registerTrpc(app, deps);
  registerXeroCallbackRoute(app, deps.xero, async (request) =>
    xeroViewerOf(await currentSession(deps.auth, toHeaders(request.headers))),
  );
  await registerXeroWebhookRoute(app, deps.xero);
  await registerSpa(app, options.spaDir);
  return app;
}
