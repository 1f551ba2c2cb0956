import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from '../context';

export const identityPaths = {
  authorize: '/identity/connect/authorize',
  decision: '/identity/connect/authorize/decision',
  token: '/connect/token',
  revocation: '/connect/revocation',
  userinfo: '/connect/userinfo',
  jwks: '/.well-known/openid-configuration/jwks',
} as const;

export function registerDiscoveryRoutes(app: FastifyInstance, context: EmulatorContext): void {
  app.get('/.well-known/openid-configuration', async () => {
    // Read per request: the issuer is known only once the server listens (port 0 picks the port).
    const issuer = context.signer.issuer;
    return {
      issuer,
      authorization_endpoint: `${issuer}${identityPaths.authorize}`,
      token_endpoint: `${issuer}${identityPaths.token}`,
      userinfo_endpoint: `${issuer}${identityPaths.userinfo}`,
      revocation_endpoint: `${issuer}${identityPaths.revocation}`,
      jwks_uri: `${issuer}${identityPaths.jwks}`,
      scopes_supported: [
        'openid',
        'profile',
        'email',
        'offline_access',
        'accounting.contacts.read',
        'accounting.settings.read',
      ],
      response_types_supported: ['code'],
      response_modes_supported: ['query'],
      grant_types_supported: ['authorization_code', 'refresh_token'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['RS256'],
      token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
      code_challenge_methods_supported: ['S256'],
      claims_supported: [
        'sub',
        'xero_userid',
        'email',
        'given_name',
        'family_name',
        'preferred_username',
        'global_session_id',
      ],
    };
  });
  app.get(identityPaths.jwks, async () => ({ keys: [context.signer.key.publicJwk] }));
}
