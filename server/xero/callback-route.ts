import type { FastifyInstance, FastifyRequest } from 'fastify';
import { xeroPagePath } from '../../shared/routes';
import { completeAuthorization } from './flow-service';
import type { XeroDeps } from './xero-deps';

/** Who is signed in on this request: the host app's session, whatever it is built on. */
export type CurrentUserId = (request: FastifyRequest) => Promise<string | null>;

/**
 * GET /xero/callback: where Xero sends the browser back. A plain route (not tRPC) because it is a
 * top-level navigation; it always answers with a redirect into the SPA.
 */
export function registerXeroCallbackRoute(app: FastifyInstance, deps: XeroDeps, currentUserId: CurrentUserId): void {
  app.get('/xero/callback', async (request, reply) => {
    const userId = await currentUserId(request);
    const outcome = await completeAuthorization(deps, userId, request.query as Record<string, unknown>).catch(
      (error: unknown) => {
        request.log.error({ err: error instanceof Error ? { name: error.name } : {} }, 'xero callback failed');
        return {
          ok: false as const,
          error: 'exchange_failed' as const,
          redirectTo: `${xeroPagePath}?xero_error=exchange_failed`,
        };
      },
    );
    // The code and state are spent; keep them out of caches and Referer headers.
    reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
    return reply.redirect(outcome.redirectTo, 302);
  });
}
