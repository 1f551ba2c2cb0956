import { TRPCError } from '@trpc/server';
import { expect } from 'vitest';

/** Runs a call that must fail and returns its TRPCError (whose cause is our AppError, when a service threw). */
export async function failureOf(call: Promise<unknown>): Promise<TRPCError> {
  const error = await call.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}

/** Our app code when a service threw, else tRPC's own code (input validation, for instance). */
export function appCodeOf(error: TRPCError): string {
  return (error.cause as { code?: string } | undefined)?.code ?? error.code;
}

export async function failureCodeOf(call: Promise<unknown>): Promise<string> {
  return appCodeOf(await failureOf(call));
}
