import { TRPCError } from '@trpc/server';
import { trpcCodeFor } from '../../../shared/error-trpc-codes';
import { AppError } from '../../../shared/errors';

/**
 * The tRPC error an AppError thrown below a procedure stands for, with the mapped status and the AppError
 * kept as its cause (an error formatter reads `appCode` and `retryAfter` from it); null for anything else.
 */
export function trpcErrorForAppError(error: TRPCError): TRPCError | null {
  const cause = error.cause;
  if (!(cause instanceof AppError)) return null;
  return new TRPCError({ code: trpcCodeFor[cause.code], message: cause.message, cause });
}
