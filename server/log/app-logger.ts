import { pino, type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import { neutraliseControls, neutraliseDeep } from './neutralise';

export type AppLogger = Logger;
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/**
 * The one logger of the app: Fastify's request log and the auth library's messages go through it.
 * Every string in a record has its control characters neutralised, since request paths, emails and
 * error messages carry user input.
 */
export function createAppLogger(level: LogLevel, destination?: DestinationStream): AppLogger {
  const options: LoggerOptions = {
    level,
    // Query strings carry OAuth codes and state; they never reach the log.
    serializers: {
      err: (error: Error) => neutraliseDeep(pino.stdSerializers.err(error)),
      req: (request: { method?: string; url?: string }) => ({
        method: request.method,
        path: neutraliseControls((request.url ?? '').split('?')[0] ?? ''),
      }),
      res: (reply: { statusCode?: number }) => ({ statusCode: reply.statusCode }),
    },
    formatters: { log: (record) => neutraliseDeep(record) as Record<string, unknown> },
    hooks: {
      logMethod(args, method) {
        const cleaned = args.map((arg: unknown) => (typeof arg === 'string' ? neutraliseControls(arg) : arg));
        return method.apply(this, cleaned as Parameters<typeof method>);
      },
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
