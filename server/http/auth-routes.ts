import type { FastifyInstance } from 'fastify';
import { authBasePath, type Auth } from '../auth/auth';
import { toHeaders } from './request-headers';

/**
 * The auth library's own HTTP endpoints, for clients other than our SPA (which uses tRPC). Only an
 * allow-list is exposed: the library's sign-up would bypass our input rules, and every other endpoint
 * is surface we do not use.
 */
const exposed = [
  { method: 'GET', path: 'get-session' },
  { method: 'POST', path: 'sign-out' },
] as const;

export function registerAuthRoutes(app: FastifyInstance, auth: Auth, publicUrl: string): void {
  for (const endpoint of exposed) {
    app.route({
      method: endpoint.method,
      url: `${authBasePath}/${endpoint.path}`,
      async handler(request, reply) {
        const url = new URL(request.url, publicUrl);
        const body = request.method === 'GET' || request.body === undefined ? undefined : JSON.stringify(request.body);
        const response = await auth.handler(
          new Request(url, { method: request.method, headers: toHeaders(request.headers), body }),
        );
        reply.status(response.status);
        response.headers.forEach((value, name) => {
          if (name !== 'set-cookie') reply.header(name, value);
        });
        const cookies = response.headers.getSetCookie();
        if (cookies.length > 0) reply.header('set-cookie', cookies);
        return reply.send(response.body ? await response.text() : null);
      },
    });
  }
}
