import type { FastifyInstance, FastifyReply } from 'fastify';
import type { EmulatorContext } from '../context';
import { OAuthError } from './authorization-server';
import { authenticateClient } from './client-auth';
import { identityPaths } from './discovery-routes';

const formOf = (body: unknown): Record<string, string> =>
  body instanceof URLSearchParams ? Object.fromEntries(body) : {};

function sendOAuthError(reply: FastifyReply, error: unknown) {
  if (error instanceof OAuthError)
    return reply.code(error.status).header('cache-control', 'no-store').send({ error: error.error });
  throw error;
}

export function registerTokenRoutes(app: FastifyInstance, context: EmulatorContext): void {
  app.post(identityPaths.token, async (request, reply) => {
    const form = formOf(request.body);
    context.authorization.tokenEndpointCalls += 1;
    try {
      const client = authenticateClient(context.options.clients, request.headers.authorization, form);
      const fault = context.faults.take('token', null);
      if (fault?.kind === 'hang') await new Promise(() => {});
      if (fault?.kind === 'slow') await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
      if (typeof fault?.kind === 'number') return reply.code(fault.kind).send({ error: 'temporarily_unavailable' });
      let response;
      if (form.grant_type === 'authorization_code') {
        response = await context.authorization.exchangeCode(
          client.clientId,
          form.code ?? '',
          form.redirect_uri ?? '',
          form.code_verifier,
        );
      } else if (form.grant_type === 'refresh_token') {
        response = await context.authorization.refresh(client.clientId, form.refresh_token ?? '');
      } else {
        throw new OAuthError('unsupported_grant_type');
      }
      if (fault?.kind === 'lose_response') {
        reply.raw.destroy();
        return reply;
      }
      return reply.header('cache-control', 'no-store').send(response);
    } catch (error) {
      return sendOAuthError(reply, error);
    }
  });

  app.post(identityPaths.revocation, async (request, reply) => {
    const form = formOf(request.body);
    try {
      const client = authenticateClient(context.options.clients, request.headers.authorization, form);
      // RFC 7009: an unknown token is not an error; the answer is 200 either way.
      context.authorization.revokeRefreshToken(client.clientId, form.token ?? '');
      return reply.code(200).send();
    } catch (error) {
      return sendOAuthError(reply, error);
    }
  });

  app.get(identityPaths.userinfo, async (request, reply) => {
    const grant = await context.authorization.grantForBearer(request.headers.authorization);
    const identity = grant && context.authorization.identities.get(grant.xeroUserId);
    if (!grant || !identity) return reply.code(401).header('www-authenticate', 'Bearer error="invalid_token"').send();
    return {
      sub: identity.xeroUserId.replace(/-/g, ''),
      xero_userid: identity.xeroUserId,
      email: identity.email,
      given_name: identity.givenName,
      family_name: identity.familyName,
      preferred_username: identity.email,
    };
  });
}
