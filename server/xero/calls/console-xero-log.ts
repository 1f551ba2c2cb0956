import type { XeroLog } from './xero-log';

/** One JSON line per event on the process's own output, for hosts without a structured logger. */
const line =
  (level: 'info' | 'warn' | 'error', write: (text: string) => void) =>
  (fields: Record<string, unknown>, message: string) =>
    write(JSON.stringify({ level, time: new Date().toISOString(), msg: message, ...fields }));

export const consoleXeroLog: XeroLog = {
  info: line('info', (text) => console.log(text)),
  warn: line('warn', (text) => console.warn(text)),
  error: line('error', (text) => console.error(text)),
};
