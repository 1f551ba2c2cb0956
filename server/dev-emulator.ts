import { randomBytes } from 'node:crypto';
import type { Env } from './env';
import type { XeroAppConfig } from './xero/config';

export interface DevEmulator {
  config: XeroAppConfig;
  close(): Promise<void>;
}

/**
 * Zero-config development: with no Xero app configured in the environment, the built-in emulator runs
 * in-process and the app uses it (unless an admin saves real credentials, which then win).
 * Production never starts it. Imported lazily, so production never loads the emulator's code.
 */
export async function startDevEmulator(env: Env): Promise<DevEmulator | null> {
  if (env.isProduction || env.xero.clientId) return null;
  const { startEmulator, defaultClient } = await import('./xero-emulator');
  // The built-in emulator delivers webhooks to this app, signed with a key made for this run: live updates
  // work with nothing to configure. The app's own key, if set, wins, as for real Xero.
  const webhookKey = env.xero.webhookKey ?? randomBytes(32).toString('base64');
  const webhookUrl = new URL('/xero/webhooks', env.publicUrl).toString();
  const client = {
    ...defaultClient,
    redirectUris: [env.xero.redirectUri],
    webhook: { url: webhookUrl, key: webhookKey },
  };
  // The control surface (faults, revocation, clock) listens on loopback only, for trying failure paths by hand.
  const emulator = await startEmulator({ port: 0, dataDir: env.dataDir, clients: [client], controlEnabled: true });
  return {
    config: {
      clientId: client.clientId,
      clientSecret: client.clientSecret,
      redirectUri: env.xero.redirectUri,
      scopes: env.xero.scopes,
      identityUrl: emulator.url,
      apiUrl: emulator.url,
      webUrl: emulator.url,
      webhookKey,
      source: 'emulator',
    },
    close: () => emulator.close(),
  };
}
