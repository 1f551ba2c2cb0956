import { randomBytes } from 'node:crypto';
import type { XeroAppConfig } from './config';

export type CredentialsOutcome = 'accepted' | 'rejected' | 'unreachable';

export interface CredentialsProbe {
  outcome: CredentialsOutcome;
  /** A sentence for the admin; never Xero's own text, and never the secret. */
  message: string;
}

const probeTimeoutMs = 8000;

const unreachable = (what: string): CredentialsProbe => ({
  outcome: 'unreachable',
  message: `Xero’s sign-in service could not be reached (${what}). Check the server’s network and XERO_IDENTITY_URL, then test again.`,
});

interface OAuthErrorBody {
  error?: unknown;
}

/**
 * Asks Xero's identity server whether it knows this client id and secret, without a user: OpenID
 * discovery finds the token endpoint, then an authorization-code exchange with a made-up code. The
 * server checks the client's credentials before the code (RFC 6749 §5.2), so `invalid_client` means
 * "rejected" and `invalid_grant` means "accepted, and the code was (of course) wrong". No token is issued.
 */
export async function probeXeroCredentials(config: XeroAppConfig): Promise<CredentialsProbe> {
  const signal = () => AbortSignal.timeout(probeTimeoutMs);
  let tokenEndpoint: string;
  try {
    const discovery = await fetch(`${config.identityUrl}/.well-known/openid-configuration`, { signal: signal() });
    if (!discovery.ok) return unreachable(`discovery answered ${discovery.status}`);
    const document = (await discovery.json()) as { token_endpoint?: unknown };
    if (typeof document.token_endpoint !== 'string') return unreachable('discovery named no token endpoint');
    tokenEndpoint = document.token_endpoint;
  } catch (error) {
    return unreachable(isTimeout(error) ? `no answer within ${probeTimeoutMs / 1000} seconds` : 'no connection');
  }

  const basic = Buffer.from(`${encodeURIComponent(config.clientId)}:${encodeURIComponent(config.clientSecret)}`);
  let response: Response;
  try {
    response = await fetch(tokenEndpoint, {
      method: 'POST',
      headers: {
        authorization: `Basic ${basic.toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code: randomBytes(16).toString('hex'),
        redirect_uri: config.redirectUri,
      }),
      signal: signal(),
    });
  } catch (error) {
    return unreachable(isTimeout(error) ? `no answer within ${probeTimeoutMs / 1000} seconds` : 'no connection');
  }
  const body = (await response.json().catch(() => ({}))) as OAuthErrorBody;
  if (body.error === 'unauthorized_client') {
    return {
      outcome: 'rejected',
      message:
        'Xero knows this app but does not let it sign users in (a Custom Connection app cannot). Use a Web app’s credentials.',
    };
  }
  if (response.status === 401 || body.error === 'invalid_client') {
    return {
      outcome: 'rejected',
      message: 'Xero rejected this client id and secret. Copy them again from Xero’s developer portal and save.',
    };
  }
  if (body.error === 'invalid_grant') {
    return { outcome: 'accepted', message: 'Xero accepted this client id and secret.' };
  }
  return unreachable(`the token endpoint answered ${response.status}`);
}

function isTimeout(error: unknown): boolean {
  return error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError');
}
