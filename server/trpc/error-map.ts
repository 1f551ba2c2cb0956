import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';
import type { AppErrorCode, FieldErrors } from '../../shared/errors';

/** Every app error code has an HTTP meaning; a new code does not compile until it is mapped here. */
export const trpcCodeFor = {
  VALIDATION_FAILED: 'BAD_REQUEST',
  UNAUTHENTICATED: 'UNAUTHORIZED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  EMAIL_TAKEN: 'CONFLICT',
  INVALID_CREDENTIALS: 'UNAUTHORIZED',
  TOO_MANY_REQUESTS: 'TOO_MANY_REQUESTS',
  INTERNAL: 'INTERNAL_SERVER_ERROR',
  XERO_NOT_CONFIGURED: 'SERVICE_UNAVAILABLE',
  XERO_NOT_CONNECTED: 'PRECONDITION_FAILED',
  XERO_REAUTH_REQUIRED: 'PRECONDITION_FAILED',
  XERO_FORBIDDEN: 'FORBIDDEN',
  XERO_RATE_LIMITED: 'TOO_MANY_REQUESTS',
  XERO_UNAVAILABLE: 'BAD_GATEWAY',
  XERO_BAD_REQUEST: 'BAD_REQUEST',
  XERO_BAD_RESPONSE: 'BAD_GATEWAY',
} as const satisfies Record<AppErrorCode, TRPC_ERROR_CODE_KEY>;

/** The app code a bare tRPC error (one no service threw) stands for. */
export function appCodeForTrpcCode(code: TRPC_ERROR_CODE_KEY): AppErrorCode {
  switch (code) {
    case 'BAD_REQUEST':
    case 'PARSE_ERROR':
    case 'UNPROCESSABLE_CONTENT':
      return 'VALIDATION_FAILED';
    case 'UNAUTHORIZED':
      return 'UNAUTHENTICATED';
    case 'FORBIDDEN':
      return 'FORBIDDEN';
    case 'NOT_FOUND':
    case 'METHOD_NOT_SUPPORTED':
      return 'NOT_FOUND';
    case 'TOO_MANY_REQUESTS':
      return 'TOO_MANY_REQUESTS';
    default:
      return 'INTERNAL';
  }
}

interface ValidationIssue {
  path: readonly PropertyKey[];
  message: string;
}

function hasIssues(value: unknown): value is { issues: ValidationIssue[] } {
  return typeof value === 'object' && value !== null && Array.isArray((value as { issues?: unknown }).issues);
}

/** Zod (or any Standard Schema) issues as messages per top-level field, for forms to show. */
export function fieldErrorsFrom(cause: unknown): FieldErrors | undefined {
  if (!hasIssues(cause)) return undefined;
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of cause.issues) {
    const field = issue.path.length > 0 ? String(issue.path[0]) : '_form';
    (fieldErrors[field] ??= []).push(issue.message);
  }
  return fieldErrors;
}
