import { errors } from 'openid-client';
import { AppError, genericFailureMessage } from '../../shared/errors';
import { humanDuration } from '../../shared/human-duration';

/**
 * The one place that reads xero-node's error shapes. Accounting calls reject with a JSON *string*
 * ({ response: { statusCode, headers, body } }); our own fetches (/connections) throw XeroHttpError;
 * token calls throw openid-client's OPError / RPError. Each becomes a XeroFailure. Anything else is
 * our own bug (a TypeError from bad input), never "Xero is down".
 */
export type XeroFailureKind =
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'rate_limited'
  | 'bad_request'
  | 'unavailable'
  | 'timeout'
  | 'bad_response'
  | 'circuit_open'
  | 'invalid_grant'
  | 'internal';

export interface XeroFailureDetails {
  status?: number | null;
  retryAfterSeconds?: number | null;
  /** Xero's X-Rate-Limit-Problem ('minute', 'day', 'concurrent', 'appminute'). */
  problem?: string | null;
  /** For bad responses: what was wrong, and the content type of what came instead. */
  reason?: string;
  contentType?: string | null;
}

export class XeroFailure extends Error {
  override name = 'XeroFailure';
  readonly status: number | null;
  readonly retryAfterSeconds: number | null;
  readonly problem: string | null;
  readonly reason: string | undefined;
  readonly contentType: string | null;

  constructor(
    readonly kind: XeroFailureKind,
    details: XeroFailureDetails = {},
  ) {
    super(`Xero call failed: ${kind}${details.status ? ` (${details.status})` : ''}`);
    this.status = details.status ?? null;
    this.retryAfterSeconds = details.retryAfterSeconds ?? null;
    this.problem = details.problem ?? null;
    this.reason = details.reason;
    this.contentType = details.contentType ?? null;
  }
}

/** Thrown by our own fetches to Xero (/connections). */
export class XeroHttpError extends Error {
  override name = 'XeroHttpError';

  constructor(
    readonly status: number,
    readonly headers: Headers,
  ) {
    super(`Xero answered ${status}`);
  }
}

function kindForStatus(status: number): XeroFailureKind {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 429) return 'rate_limited';
  if (status >= 400 && status < 500) return 'bad_request';
  return 'unavailable';
}

function retryAfterFrom(value: unknown): number | null {
  if (value === null || value === undefined || value === '') return null;
  const seconds = Number(value);
  return Number.isFinite(seconds) && seconds >= 0 ? Math.ceil(seconds) : null;
}

const header = (headers: Record<string, unknown> | undefined, name: string) => {
  const value = headers?.[name];
  return typeof value === 'string' ? value : null;
};

function fromStatus(status: number, headers: Record<string, unknown> | undefined): XeroFailure {
  return new XeroFailure(kindForStatus(status), {
    status,
    retryAfterSeconds: retryAfterFrom(header(headers, 'retry-after')),
    problem: header(headers, 'x-rate-limit-problem'),
  });
}

interface SerialisedAccountingError {
  response?: { statusCode?: number; headers?: Record<string, unknown> };
}

/** Node's network failures (refused, reset, DNS) carry a system error code. */
function isNetworkFailure(error: unknown): boolean {
  const cause = (error as { cause?: unknown } | null)?.cause ?? error;
  const code = (cause as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^(E[A-Z_]+|UND_ERR_[A-Z_]+)$/.test(code);
}

export function classifyXeroError(error: unknown): XeroFailure {
  if (error instanceof XeroFailure) return error;
  if (error instanceof errors.OPError)
    return new XeroFailure(error.error === 'invalid_grant' ? 'invalid_grant' : 'unavailable', {
      status: error.response?.statusCode ?? null,
    });
  // openid-client's own "outgoing request timed out", or a reply it could not verify.
  if (error instanceof errors.RPError) return new XeroFailure('unavailable');
  if (error instanceof XeroHttpError)
    return fromStatus(error.status, Object.fromEntries(error.headers.entries()) as Record<string, unknown>);
  if (typeof error === 'string') {
    try {
      const parsed = JSON.parse(error) as SerialisedAccountingError;
      const status = parsed.response?.statusCode ?? 0;
      // xero-node reports a request that got no answer (refused, reset, DNS) with status 0.
      if (status === 0) return new XeroFailure('unavailable');
      return fromStatus(status, parsed.response?.headers);
    } catch {
      return new XeroFailure('internal', { reason: 'unreadable rejection' });
    }
  }
  const response = (error as { response?: { status?: unknown; headers?: Record<string, unknown> } } | null)?.response;
  if (typeof response?.status === 'number') return fromStatus(response.status, response.headers);
  if (isNetworkFailure(error)) return new XeroFailure('unavailable');
  return new XeroFailure('internal', { reason: error instanceof Error ? error.name : typeof error });
}

/** What a person is told; Xero's own text never reaches the client. */
export function toAppError(failure: XeroFailure, organisation = 'this organisation'): AppError {
  const wait = (seconds: number) => humanDuration(seconds * 1000);
  switch (failure.kind) {
    case 'invalid_grant':
    case 'unauthorized':
      return new AppError('XERO_REAUTH_REQUIRED', 'Xero needs you to connect again.');
    case 'forbidden':
      return new AppError(
        'XERO_FORBIDDEN',
        'Xero refused access to this organisation. It may have been disconnected; connect again or choose another organisation.',
      );
    case 'not_found':
      return new AppError('NOT_FOUND', 'Xero has no such record.');
    case 'rate_limited': {
      const retryAfter = failure.retryAfterSeconds ?? 60;
      const message =
        failure.problem === 'day'
          ? `Xero's daily limit for ${organisation} is used up; it resets in ${wait(retryAfter)}.`
          : `Xero is receiving too many requests for ${organisation}. Please try again in ${wait(retryAfter)}.`;
      return new AppError('XERO_RATE_LIMITED', message, { retryAfter });
    }
    case 'bad_request':
      return new AppError('XERO_BAD_REQUEST', 'Xero could not process that request.');
    case 'bad_response':
      return new AppError(
        'XERO_BAD_RESPONSE',
        'Xero sent an answer we could not read, so nothing is shown rather than something wrong. Please try again in a moment.',
      );
    case 'circuit_open':
      // No retryAfter: the person decides when to try again; the breaker lets one trial call through then.
      return new AppError(
        'XERO_UNAVAILABLE',
        `Xero has not been answering for ${organisation}. Please try again in ${wait(failure.retryAfterSeconds ?? 15)}.`,
      );
    case 'timeout':
      return new AppError('XERO_UNAVAILABLE', 'Xero did not answer in time. Please try again in a moment.');
    case 'unavailable':
      return new AppError('XERO_UNAVAILABLE', 'Xero is not answering right now. Please try again in a moment.');
    default:
      return new AppError('INTERNAL', genericFailureMessage);
  }
}
