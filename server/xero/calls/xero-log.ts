/**
 * The Xero module's logger: the host passes its own (pino's `warn(fields, message)` fits), tests pass
 * nothing and get silence. Fields are plain values; credentials never reach them.
 */
export interface XeroLog {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

const ignore = () => {};
export const silentXeroLog: XeroLog = { info: ignore, warn: ignore, error: ignore };
