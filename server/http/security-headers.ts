import type { FastifyInstance } from 'fastify';

const contentSecurityPolicy = [
  "default-src 'self'",
  "img-src 'self' data:",
  "style-src 'self'",
  "script-src 'self'",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ');

export interface SecurityHeaderOptions {
  /** HTTPS in production: browsers are told to use HTTPS alone from then on (HSTS). */
  strictTransport: boolean;
}

/** Two years, as HSTS preload lists ask; subdomains are not ours to speak for, so they are left out. */
const strictTransportSecurity = 'max-age=63072000';

export function registerSecurityHeaders(app: FastifyInstance, options: SecurityHeaderOptions): void {
  const defaults: [string, string][] = [
    ['x-content-type-options', 'nosniff'],
    ['referrer-policy', 'same-origin'],
    ['x-frame-options', 'DENY'],
    ['content-security-policy', contentSecurityPolicy],
    ...(options.strictTransport ? [['strict-transport-security', strictTransportSecurity] as [string, string]] : []),
  ];
  app.addHook('onSend', async (_request, reply, payload) => {
    // Defaults only: a route that chose a stricter value (the OAuth callback's no-referrer) keeps it.
    for (const [name, value] of defaults) if (!reply.hasHeader(name)) reply.header(name, value);
    return payload;
  });
}
