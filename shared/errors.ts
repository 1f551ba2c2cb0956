/**
 * The app's error vocabulary, shared by server and SPA. Services throw AppError with one of these codes;
 * the tRPC layer maps each to an HTTP status in one table and the SPA switches on `appCode`.
 */
export const appErrorCodes = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'EMAIL_TAKEN',
  'INVALID_CREDENTIALS',
  'TOO_MANY_REQUESTS',
  'INTERNAL',
  'XERO_NOT_CONFIGURED',
  'XERO_NOT_CONNECTED',
  'XERO_REAUTH_REQUIRED',
  'XERO_FORBIDDEN',
  'XERO_RATE_LIMITED',
  'XERO_UNAVAILABLE',
  'XERO_BAD_REQUEST',
] as const;

export type AppErrorCode = (typeof appErrorCodes)[number];

export type FieldErrors = Record<string, string[] | undefined>;

export interface AppErrorDetails {
  fieldErrors?: FieldErrors;
  /** Seconds the caller should wait before trying again. */
  retryAfter?: number;
}

export class AppError extends Error {
  override name = 'AppError';

  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly details: AppErrorDetails = {},
  ) {
    super(message);
  }
}

/** What a person is told when something fails that they cannot fix; the detail stays in the server log. */
export const genericFailureMessage = 'Something went wrong on our side. Please try again in a moment.';
