import type { AppLogger } from './app-logger';
import { describeError, maskCredentials } from './describe-error';

type AuthLogLevel = 'debug' | 'info' | 'warn' | 'error';

/** What may be said about one argument of the library's log call: errors described, the rest masked and cut. */
function describeArgument(argument: unknown): unknown {
  if (argument instanceof Error) {
    // No stack: the library's stacks run through our request path and add nothing an operator needs.
    const { stack: _stack, ...rest } = describeError(argument);
    return rest;
  }
  if (typeof argument === 'string') return maskCredentials(argument).slice(0, 500);
  try {
    return maskCredentials(JSON.stringify(argument) ?? String(argument)).slice(0, 500);
  } catch {
    return typeof argument;
  }
}

/**
 * Better Auth's `logger.log`: its messages (failed SQL with the user's email as a parameter, stacks,
 * raw user input) go to our logger, masked, instead of straight to the console.
 */
export function authLibraryLog(logger: AppLogger) {
  const child = logger.child({ source: 'auth' });
  return (level: AuthLogLevel, message: string, ...args: unknown[]) => {
    const details = args.map(describeArgument);
    child[level](details.length > 0 ? { details } : {}, maskCredentials(message).slice(0, 500));
  };
}
