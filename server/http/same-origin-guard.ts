import type { FastifyInstance, FastifyRequest } from 'fastify';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * Set on routes that browsers never call with a user's cookies, such as Xero's webhook POSTs
     * (server to server, no Origin header). Such a route must authenticate its caller itself (e.g. a
     * signature), because the same-origin rule no longer protects it.
     */
    acceptsCrossOrigin?: boolean;
  }
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

export const crossOriginRefusal =
  'Refused: this request did not come from pages of this app. Changes can only be made from the app itself.';

function originOf(value: string): string | null {
  try {
    return new URL(value).origin;
  } catch {
    return null;
  }
}

/**
 * SameSite=Lax cookies still travel with requests from another port or a sibling subdomain of our
 * site, and a form post or a no-cors fetch reaches the server without a CORS preflight. So a
 * state-changing request must prove it came from our own pages: the browser-set Origin header names
 * one of ours, or Sec-Fetch-Site says same-origin (both are headers a page cannot forge). A request with
 * neither is not from a modern browser's page and is refused too; other clients send `Origin: PUBLIC_URL`.
 */
export function isFromOwnOrigin(request: FastifyRequest, ownOrigins: ReadonlySet<string>): boolean {
  if (request.headers['sec-fetch-site'] === 'same-origin') return true;
  const origin = request.headers.origin;
  return typeof origin === 'string' && ownOrigins.has(originOf(origin) ?? '');
}

export function registerSameOriginGuard(app: FastifyInstance, origins: readonly string[]): void {
  const ownOrigins = new Set(origins.map((origin) => originOf(origin)).filter((origin) => origin !== null));
  app.addHook('onRequest', async (request, reply) => {
    if (safeMethods.has(request.method)) return;
    if (request.routeOptions.config?.acceptsCrossOrigin === true) return;
    if (isFromOwnOrigin(request, ownOrigins)) return;
    request.log.warn({ method: request.method, path: request.url.split('?')[0] }, 'cross-origin request refused');
    return reply.code(403).header('cache-control', 'no-store').send({ error: crossOriginRefusal });
  });
}
