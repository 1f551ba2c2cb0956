import { z } from 'zod';
import { xeroPagePath } from '../../shared/routes';
import type { XeroCallbackError } from '../../shared/xero-callback-errors';
import { saveConnection } from './connection-writer';
import { claimFlow } from './flow-claim';
import { exchangeCode } from './flow-exchange';
import type { XeroViewer } from './viewer';
import type { XeroDeps } from './xero-deps';

export type CallbackOutcome =
  { ok: true; redirectTo: string } | { ok: false; error: XeroCallbackError; redirectTo: string };

// OAuth's state, code and error are printable ASCII (RFC 6749 appendix A); anything else is not Xero's.
const oauthValue = z.string().regex(/^[\x20-\x7e]{1,2048}$/);
const callbackQuery = z.object({
  state: oauthValue.optional(),
  code: oauthValue.optional(),
  error: oauthValue.optional(),
});

/** Where a failed callback sends the browser: back to `nextPath` (or the Xero page) with a readable code. */
export function callbackFailure(error: XeroCallbackError, nextPath = xeroPagePath): CallbackOutcome {
  const target = new URL(nextPath, 'http://local.invalid');
  target.searchParams.set('xero_error', error);
  return { ok: false, error, redirectTo: `${target.pathname}${target.search}${target.hash}` };
}

/**
 * GET /xero/callback: checks the flow (exists, this user's and this session's, unused, unexpired),
 * exchanges the code, and stores the connection. Every failure is a redirect with a code, and nothing
 * half-written stays: the connection is written in one transaction after every Xero call has succeeded.
 */
export async function completeAuthorization(
  deps: XeroDeps,
  viewer: Pick<XeroViewer, 'userId' | 'sessionId'> | null,
  rawQuery: unknown,
): Promise<CallbackOutcome> {
  const parsed = callbackQuery.safeParse(rawQuery);
  if (!parsed.success) return callbackFailure('bad_callback');
  const query = parsed.data;
  if (!viewer) return callbackFailure('signed_out');
  if (!query.state) return callbackFailure('state_unknown');
  const claim = await claimFlow(deps, query.state, viewer.userId, viewer.sessionId);
  if ('error' in claim) return callbackFailure(claim.error);
  const { flow } = claim;
  if (query.error === 'access_denied') return callbackFailure('access_denied', flow.nextPath);
  if (query.error !== undefined || query.code === undefined) return callbackFailure('xero_error', flow.nextPath);

  const config = await deps.config.require();
  const consent = await exchangeCode(deps, config, flow, query.code);
  if (typeof consent === 'string') return callbackFailure(consent, flow.nextPath);
  await saveConnection(deps, config, viewer.userId, consent);
  return { ok: true, redirectTo: flow.nextPath };
}
