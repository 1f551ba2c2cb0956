import { TRPCClientError } from '@trpc/client';
import { genericFailureMessage, type AppErrorCode, type FieldErrors } from '../../../shared/errors';

export interface ClientAppError {
  appCode: AppErrorCode;
  message: string;
  fieldErrors: FieldErrors;
  retryAfter: number | null;
}

interface ErrorData {
  appCode?: AppErrorCode;
  fieldErrors?: FieldErrors | null;
  retryAfter?: number | null;
}

/** The one place the SPA reads a failed call: our app code, a sentence for people, and field errors. */
export function readAppError(error: unknown): ClientAppError | null {
  if (error === null || error === undefined) return null;
  if (error instanceof TRPCClientError) {
    const data = (error.data ?? {}) as ErrorData;
    if (data.appCode) {
      return {
        appCode: data.appCode,
        message: error.message,
        fieldErrors: data.fieldErrors ?? {},
        retryAfter: data.retryAfter ?? null,
      };
    }
  }
  // No app code means the request never reached us (offline, proxy error): say so plainly.
  return {
    appCode: 'INTERNAL',
    message: 'We could not reach the server. Check your connection and try again.',
    fieldErrors: {},
    retryAfter: null,
  };
}

export function messageOf(error: unknown): string {
  return readAppError(error)?.message ?? genericFailureMessage;
}

/** Who or what a failure comes from, so the message can say so and the person knows whom to wait for. */
export type FailureCause = 'xero' | 'network' | 'settings' | 'us' | 'missing' | 'request';

export function failureCause(failure: ClientAppError, reachedServer: boolean): FailureCause {
  if (!reachedServer) return 'network';
  switch (failure.appCode) {
    case 'XERO_UNAVAILABLE':
    case 'XERO_RATE_LIMITED':
    case 'XERO_FORBIDDEN':
    case 'XERO_BAD_REQUEST':
    case 'XERO_BAD_RESPONSE':
      return 'xero';
    case 'XERO_NOT_CONFIGURED':
      return 'settings';
    case 'INTERNAL':
      return 'us';
    case 'NOT_FOUND':
      return 'missing';
    default:
      return 'request';
  }
}

/** Whether the server answered at all (an app code came back). */
export function reachedServer(error: unknown): boolean {
  return error instanceof TRPCClientError && Boolean((error.data as ErrorData | undefined)?.appCode);
}
