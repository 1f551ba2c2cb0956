import { createRequire } from 'node:module';
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

/** pino-pretty is a development dependency: a production install without it still logs (as JSON). */
export function prettyLogsInstalled(): boolean {
  try {
    createRequire(import.meta.url).resolve('pino-pretty');
    return true;
  } catch {
    return false;
  }
}
