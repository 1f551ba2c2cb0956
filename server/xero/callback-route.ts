import type { FastifyInstance, FastifyRequest } from 'fastify';
import { callbackFailure, completeAuthorization } from './flow-complete';
import type { ViewerOf } from './viewer';
import type { XeroDeps } from './xero-deps';

/**
 * GET /xero/callback: where Xero sends the browser back. A plain route (not tRPC) because it is a
 * top-level navigation; it always answers with a redirect into the SPA.
 */
export function registerXeroCallbackRoute(
  app: FastifyInstance,
  deps: XeroDeps,
  viewerOf: ViewerOf<FastifyRequest>,
): void {
  app.get('/xero/callback', async (request, reply) => {
    const outcome = await viewerOf(request)
      .then((viewer) => completeAuthorization(deps, viewer, request.query))
      .catch((error: unknown) => {
        // The name only: a message could carry Xero's or the database's text, and the query carries the code.
        request.log.error(
          { err: { name: error instanceof Error ? error.name : typeof error } },
          'xero callback failed',
        );
        return callbackFailure('exchange_failed');
      });
    // The code and state are spent; keep them out of caches and Referer headers.
    reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
    return reply.redirect(outcome.redirectTo, 302);
  });
}
