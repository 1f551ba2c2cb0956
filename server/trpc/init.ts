import { initTRPC } from '@trpc/server';
import superjson from 'superjson';
import { AppError, genericFailureMessage } from '../../shared/errors';
import type { Context } from './context';
import { trpcErrorForAppError } from '../xero/trpc/app-error-to-trpc';
import { appCodeForTrpcCode, fieldErrorsFrom } from './error-map';

export const t = initTRPC.context<Context>().create({
  transformer: superjson,
  // tRPC copies a cause's message to the client by default; that would leak SQL and SDK text.
  // Only our own AppError messages and input-validation messages are meant for people.
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    const appError = cause instanceof AppError ? cause : undefined;
    const fieldErrors =
      appError?.details.fieldErrors ?? (error.code === 'BAD_REQUEST' ? fieldErrorsFrom(cause) : undefined);
    const appCode = appError?.code ?? appCodeForTrpcCode(error.code);
    let message = shape.message;
    if (appError) message = appError.message;
    else if (fieldErrors) message = 'Some fields need attention.';
    else if (error.code === 'INTERNAL_SERVER_ERROR') message = genericFailureMessage;
    return {
      message,
      code: shape.code,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path,
        appCode,
        fieldErrors: fieldErrors ?? null,
        retryAfter: appError?.details.retryAfter ?? null,
      },
    };
  },
});

/**
 * The first middleware of every procedure: an AppError thrown anywhere below becomes a TRPCError with
 * the mapped status, keeping the AppError as its cause for the formatter.
 */
export const appErrorMiddleware = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const mapped = trpcErrorForAppError(result.error);
    if (mapped) throw mapped;
  }
  return result;
});
