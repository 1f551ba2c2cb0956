import type { DestinationStream } from 'pino';
import type { XeroConfigProvider } from './xero/config';

/** The start-up line that says which Xero app is in use: the one that will really answer. */
export async function describeXeroSource(config: XeroConfigProvider, emulatorUrl: string | null): Promise<string> {
  const current = await config.current();
  switch (current?.source) {
    case 'environment':
      return `Xero: the app from the environment (XERO_CLIENT_ID ${current.clientId}) at ${current.identityUrl}.`;
    case 'settings':
      return `Xero: the app saved in Settings (client id ${current.clientId}) at ${current.identityUrl}.${emulatorUrl ? ' The built-in emulator is running but unused; remove the saved credentials to use it.' : ''}`;
    case 'emulator':
      return `Using the built-in Xero emulator at ${current.identityUrl} — configure a Xero app to connect to real Xero. Demo control surface: ${current.identityUrl}/_emulator`;
    default:
      return 'Xero: not configured, so Xero features are off. An administrator can add the app in Settings.';
  }
}

/**
 * Readable log lines in development (pino-pretty, a development dependency); JSON lines otherwise, for log
 * collectors. A production install without dev dependencies never loads it.
 */
export async function prettyLogStream(development: boolean): Promise<DestinationStream | undefined> {
  if (!development) return undefined;
  try {
    const { default: pretty } = await import('pino-pretty');
    return pretty({ translateTime: 'HH:MM:ss', ignore: 'pid,hostname', colorize: process.stdout.isTTY });
  } catch {
    return undefined;
  }
}
