import { randomBytes } from 'node:crypto';
import type { XeroGate } from './calls/xero-gate';
import type { XeroAppConfig } from './config';
import { XeroFailure } from './xero-failure';

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
export async function probeXeroCredentials(gate: XeroGate, config: XeroAppConfig): Promise<CredentialsProbe> {
  // One deadline for both steps; through the gate, so an outage the breakers already know of answers at
  // once, and each failure is logged like any other call to Xero.
  const started = Date.now();
  const deadline = started + probeTimeoutMs;
  let tokenEndpoint: string;
  try {
    tokenEndpoint = await gate.plain('test connection: discovery', deadline, async (signal) => {
      const discovery = await fetch(`${config.identityUrl}/.well-known/openid-configuration`, { signal });
      if (!discovery.ok) throw new XeroFailure('unavailable', { status: discovery.status });
      const document = (await discovery.json().catch(() => ({}))) as { token_endpoint?: unknown };
      if (typeof document.token_endpoint !== 'string')
        throw new XeroFailure('bad_response', { reason: 'discovery named no token endpoint' });
      return document.token_endpoint;
    });
  } catch (error) {
    return unreachable(discoveryProblem(error, Date.now() - started));
  }

  const basic = Buffer.from(`${encodeURIComponent(config.clientId)}:${encodeURIComponent(config.clientSecret)}`);
  let response: { status: number; body: OAuthErrorBody };
  try {
    // The identity breaker of this app: a token endpoint that is down answers "unreachable" at once. A
    // 4xx (the answer this probe hopes for) is an answer, not an outage, and never opens it.
    response = await gate.identity(config.clientId, 'test connection: token', deadline, async (signal) => {
      const answer = await fetch(tokenEndpoint, {
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
        signal,
      });
      if (answer.status >= 500) throw new XeroFailure('unavailable', { status: answer.status });
      return { status: answer.status, body: (await answer.json().catch(() => ({}))) as OAuthErrorBody };
    });
  } catch (error) {
    return unreachable(tokenProblem(error, Date.now() - started));
  }
  if (response.status >= 200 && response.status < 300) {
    // A made-up code was accepted: not Xero, or not a Xero that checks codes.
    return unreachable('the token endpoint accepted a code it never issued');
  }
  const { body } = response;
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

/**
 * How long the admin waited, as it was: the gate also caps each attempt at XERO_TIMEOUT_MS, which may be
 * shorter than the probe's own deadline, so a fixed "8 seconds" could overstate it.
 */
function noAnswer(waitedMs: number): string {
  const seconds = Math.max(1, Math.round(waitedMs / 1000));
  return `no answer within ${seconds} second${seconds === 1 ? '' : 's'}`;
}

function discoveryProblem(error: unknown, waitedMs: number): string {
  if (!(error instanceof XeroFailure)) return 'no connection';
  if (error.kind === 'timeout') return noAnswer(waitedMs);
  if (error.kind === 'bad_response') return 'discovery named no token endpoint';
  if (error.status) return `discovery answered ${error.status}`;
  return 'no connection';
}

function tokenProblem(error: unknown, waitedMs: number): string {
  if (!(error instanceof XeroFailure)) return 'no connection';
  if (error.kind === 'timeout') return noAnswer(waitedMs);
  if (error.kind === 'circuit_open') return 'it has not been answering; the app is giving it a moment';
  if (error.status) return `the token endpoint answered ${error.status}`;
  return 'no connection';
}
