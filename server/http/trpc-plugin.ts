import { fastifyTRPCPlugin, type FastifyTRPCPluginOptions } from '@trpc/server/adapters/fastify';
import type { FastifyInstance } from 'fastify';
import { maxBatchSize } from '../../shared/api-limits';
import { AppError } from '../../shared/errors';
import type { AppDeps } from '../app-deps';
import { createContextInner } from '../trpc/context';
import { createAppRouter, type AppRouter } from '../trpc/router';
import { describeError } from '../log/describe-error';
import { refuseNonJsonBodies } from './json-bodies-only';
import { toHeaders } from './request-headers';

export async function registerTrpc(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const trpcOptions: FastifyTRPCPluginOptions<AppRouter>['trpcOptions'] = {
    router: createAppRouter(deps),
    maxBatchSize,
    createContext: ({ req, res }) =>
      createContextInner(deps, {
        headers: toHeaders(req.headers),
        clientAddress: req.ip,
        setCookies: (cookies) => {
          if (cookies.length > 0) res.header('set-cookie', cookies);
        },
      }),
    // A 429 tells HTTP clients (and proxies) when to come back, not only our SPA.
    responseMeta({ errors }) {
      const retryAfter = errors
        .map((error) => (error.cause instanceof AppError ? error.cause.details.retryAfter : undefined))
        .find((value) => value !== undefined);
      return retryAfter === undefined ? {} : { headers: { 'retry-after': String(retryAfter) } };
    },
    onError({ error, path, type }) {
      if (error.code === 'INTERNAL_SERVER_ERROR') {
        app.log.error({ path, type, err: describeError(error.cause ?? error) }, 'procedure failed');
      }
    },
  };
  await app.register(async (scope) => {
    scope.addHook('onRequest', refuseNonJsonBodies);
    await scope.register(fastifyTRPCPlugin, { prefix: '/trpc', trpcOptions });
  });
}
