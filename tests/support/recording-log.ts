import type { XeroLog } from '../../server/xero/calls/xero-log';

export interface LogLine {
  level: 'info' | 'warn' | 'error';
  message: string;
  fields: Record<string, unknown>;
}

/** A XeroLog that keeps what it is told, for tests to read. */
export function recordingLog(): XeroLog & { lines: LogLine[] } {
  const lines: LogLine[] = [];
  const record = (level: LogLine['level']) => (fields: Record<string, unknown>, message: string) =>
    lines.push({ level, message, fields });
  return { lines, info: record('info'), warn: record('warn'), error: record('error') };
}
