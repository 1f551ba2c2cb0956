import type { FastifyInstance } from 'fastify';
import type { XeroDeps } from '../xero-deps';
import { receiveWebhook } from './receive-webhook';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The host's same-origin rule for state-changing requests must skip this route: Xero's servers post
     * without an Origin header, and the signature check is what authenticates them.
     */
    acceptsCrossOrigin?: boolean;
  }
}

/** Xero batches events; a delivery of 1,000 is ~300 KB. Anything far larger is not Xero. */
const bodyLimitBytes = 1024 * 1024;

/**
 * POST /xero/webhooks, in a plugin scope of its own so its raw-body JSON parser (the signature is over the
 * exact bytes) does not change how the rest of the app parses JSON. Answers 200 with an empty body, 401 for a
 * missing or wrong signature, 400 for a signed body that is not Xero's shape, 413 past the size limit.
 */
export async function registerXeroWebhookRoute(app: FastifyInstance, deps: XeroDeps): Promise<void> {
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: bodyLimitBytes }, (_request, body, done) =>
      done(null, body),
    );
    scope.post('/xero/webhooks', { config: { acceptsCrossOrigin: true } }, async (request, reply) => {
      const rawBody = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const signature = request.headers['x-xero-signature'];
      const outcome = await receiveWebhook(deps, rawBody, typeof signature === 'string' ? signature : undefined);
      if (outcome.status !== 200) request.log.warn({ reason: outcome.reason }, 'xero webhook refused');
      return reply.code(outcome.status).send();
    });
  });
}
