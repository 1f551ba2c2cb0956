import type { FastifyInstance, FastifyReply } from 'fastify';
import type { EmulatorContext } from '../context';
import { consentPage, errorPage } from './consent-page';
import { identityPaths } from './discovery-routes';

const knownScope =
  /^(openid|profile|email|offline_access|(accounting|payroll|files|assets|projects|bankfeeds|finance|paymentservices|app\.connections)(\.[a-z_]+)*)$/;

/** Demo values for the consent form; editable, so tests and demos can sign in as anyone. */
export const demoPerson = { email: 'ada@example.com', givenName: 'Ada', familyName: 'Lovelace' };

function redirectWith(reply: FastifyReply, redirectUri: string, params: Record<string, string>) {
  const target = new URL(redirectUri);
  for (const [name, value] of Object.entries(params)) target.searchParams.set(name, value);
  return reply.redirect(target.toString(), 302);
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

export function registerAuthorizeRoutes(app: FastifyInstance, context: EmulatorContext): void {
  app.get(identityPaths.authorize, async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const client = context.options.clients.find((candidate) => candidate.clientId === text(query.client_id));
    // A bad client or redirect URI is shown, never followed: redirecting would make us an open redirector.
    if (!client)
      return reply
        .code(400)
        .type('text/html')
        .send(errorPage('Unknown application', 'The client_id in this link is not a registered app.'));
    const redirectUri = text(query.redirect_uri);
    if (!client.redirectUris.includes(redirectUri)) {
      return reply
        .code(400)
        .type('text/html')
        .send(errorPage('Invalid redirect URI', 'The redirect_uri in this link is not registered for this app.'));
    }
    const state = text(query.state);
    const fail = (error: string) => redirectWith(reply, redirectUri, { error, ...(state ? { state } : {}) });
    if (text(query.response_type) !== 'code') return fail('unsupported_response_type');
    const scopes = text(query.scope).split(/\s+/).filter(Boolean);
    if (scopes.length === 0 || !scopes.every((scope) => knownScope.test(scope))) return fail('invalid_scope');
    if (!state) return fail('invalid_request');
    const codeChallenge = text(query.code_challenge) || null;
    if (codeChallenge && text(query.code_challenge_method) !== 'S256') return fail('invalid_request');
    const pending = context.authorization.startAuthorization({
      clientId: client.clientId,
      redirectUri,
      scopes,
      state,
      codeChallenge,
      nonce: text(query.nonce) || null,
    });
    const firstTenant = context.organisations[0]?.tenantId;
    return reply
      .type('text/html')
      .header('cache-control', 'no-store')
      .send(
        consentPage({
          pendingId: pending.id,
          clientName: 'Your app',
          scopes,
          organisations: context.organisations,
          values: { ...demoPerson, tenantIds: firstTenant ? [firstTenant] : [] },
          errors: [],
        }),
      );
  });

  app.post(identityPaths.decision, async (request, reply) => {
    const form = request.body instanceof URLSearchParams ? request.body : new URLSearchParams();
    const pending = context.authorization.takePending(form.get('request') ?? '');
    if (!pending)
      return reply
        .code(400)
        .type('text/html')
        .send(errorPage('This sign-in has expired', 'Go back to the app and start again.'));
    if (form.get('decision') !== 'allow') {
      context.authorization.pending.delete(pending.id);
      return redirectWith(reply, pending.redirectUri, { error: 'access_denied', state: pending.state });
    }
    const values = {
      email: (form.get('email') ?? '').trim(),
      givenName: (form.get('given_name') ?? '').trim(),
      familyName: (form.get('family_name') ?? '').trim(),
      tenantIds: form.getAll('tenant').filter((id) => context.organisations.some((org) => org.tenantId === id)),
    };
    const errors = [
      ...(/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email) ? [] : ['Enter a valid email address.']),
      ...(values.givenName && values.familyName ? [] : ['Enter a first and last name.']),
      ...(values.tenantIds.length > 0 ? [] : ['Choose at least one organisation.']),
    ];
    if (errors.length > 0) {
      return reply
        .code(400)
        .type('text/html')
        .send(
          consentPage({
            pendingId: pending.id,
            clientName: 'Your app',
            scopes: pending.scopes,
            organisations: context.organisations,
            values,
            errors,
          }),
        );
    }
    const code = context.authorization.approve(
      pending,
      { email: values.email, givenName: values.givenName, familyName: values.familyName },
      values.tenantIds,
    );
    return redirectWith(reply, pending.redirectUri, {
      code: code.code,
      scope: pending.scopes.join(' '),
      state: pending.state,
    });
  });
}
