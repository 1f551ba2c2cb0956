import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';
import type { AppErrorCode, FieldErrors } from '../../shared/errors';

export { trpcCodeFor } from '../../shared/error-trpc-codes';

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
