import { errors } from 'openid-client';
import { AppError } from '../../shared/errors';

/**
 * The one place that reads xero-node's error shapes. Accounting calls reject with a JSON *string*
 * ({ response: { statusCode, headers, body } }); its /connections helpers and our own fetches with
 * an HTTP status; token calls throw openid-client's OPError / RPError. Each becomes a XeroFailure.
 */
export type XeroFailureKind =
  'unauthorized' | 'forbidden' | 'not_found' | 'rate_limited' | 'bad_request' | 'unavailable' | 'invalid_grant';

export class XeroFailure extends Error {
  override name = 'XeroFailure';

  constructor(
    readonly kind: XeroFailureKind,
    readonly status: number | null,
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(`Xero call failed: ${kind}${status ? ` (${status})` : ''}`);
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
  const seconds = Number(value);
  return Number.isFinite(seconds) && seconds >= 0 ? Math.ceil(seconds) : null;
}

interface SerialisedAccountingError {
  response?: { statusCode?: number; headers?: Record<string, unknown> };
}

export function classifyXeroError(error: unknown): XeroFailure {
  if (error instanceof XeroFailure) return error;
  if (error instanceof errors.OPError)
    return new XeroFailure(error.error === 'invalid_grant' ? 'invalid_grant' : 'unavailable', null);
  if (error instanceof errors.RPError) return new XeroFailure('unavailable', null);
  if (error instanceof XeroHttpError)
    return new XeroFailure(kindForStatus(error.status), error.status, retryAfterFrom(error.headers.get('retry-after')));
  if (typeof error === 'string') {
    try {
      const parsed = JSON.parse(error) as SerialisedAccountingError;
      const status = parsed.response?.statusCode ?? 0;
      if (status === 0) return new XeroFailure('unavailable', null);
      return new XeroFailure(kindForStatus(status), status, retryAfterFrom(parsed.response?.headers?.['retry-after']));
    } catch {
      return new XeroFailure('unavailable', null);
    }
  }
  const response = (error as { response?: { status?: unknown; headers?: Record<string, unknown> } } | null)?.response;
  if (typeof response?.status === 'number')
    return new XeroFailure(
      kindForStatus(response.status),
      response.status,
      retryAfterFrom(response.headers?.['retry-after']),
    );
  // Network failures and timeouts: Xero could not be reached.
  return new XeroFailure('unavailable', null);
}

/** What a person is told; Xero's own text never reaches the client. */
export function toAppError(failure: XeroFailure): AppError {
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
    case 'rate_limited':
      return new AppError(
        'XERO_RATE_LIMITED',
        'Xero is receiving too many requests for this organisation. Please try again shortly.',
        {
          retryAfter: failure.retryAfterSeconds ?? 60,
        },
      );
    case 'bad_request':
      return new AppError('XERO_BAD_REQUEST', 'Xero could not process that request.');
    default:
      return new AppError('XERO_UNAVAILABLE', 'Xero is not answering right now. Please try again in a moment.');
  }
}
