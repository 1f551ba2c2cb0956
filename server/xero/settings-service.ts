import type { XeroSettingsInput } from '../../shared/xero-inputs';
import { probeXeroCredentials, type CredentialsProbe } from './credentials-probe';
import type { XeroDeps } from './xero-deps';

export interface XeroSettingsView {
  /** Where the active credentials come from. */
  source: 'environment' | 'settings' | 'emulator' | 'none';
  /** The environment sets the app: the page shows it read-only, since nothing saved here would be used. */
  environmentWins: boolean;
  /** The client id in use (environment or saved), or the saved one while the emulator is in use. */
  clientId: string | null;
  /** Never the secret itself: only whether credentials are saved here (so they can be kept or removed). */
  hasSavedCredentials: boolean;
  /** What removing the saved credentials falls back to. */
  fallback: 'environment' | 'emulator' | 'none';
  redirectUri: string;
  /** Where Xero should send webhooks: beside the redirect URI, at /xero/webhooks. */
  webhookUrl: string;
  /** Never the key itself: whether one is in use, and whether the environment sets it. */
  hasWebhookKey: boolean;
  webhookKeyFromEnvironment: boolean;
}

export async function readXeroSettings(deps: XeroDeps): Promise<XeroSettingsView> {
  const current = await deps.config.current();
  const savedClientId = await deps.config.savedClientId();
  const environmentWins = deps.config.environmentConfigured;
  return {
    source: current?.source ?? 'none',
    environmentWins,
    clientId: current && current.source !== 'emulator' ? current.clientId : savedClientId,
    hasSavedCredentials: savedClientId !== null,
    fallback: environmentWins ? 'environment' : deps.config.emulatorAvailable ? 'emulator' : 'none',
    redirectUri: deps.config.redirectUri,
    webhookUrl: new URL('/xero/webhooks', deps.config.redirectUri).toString(),
    hasWebhookKey: Boolean(current?.webhookKey),
    webhookKeyFromEnvironment: deps.config.webhookKeyFromEnvironment,
  };
}

export async function saveXeroSettings(
  deps: XeroDeps,
  input: XeroSettingsInput,
  adminId: string,
): Promise<XeroSettingsView> {
  // With the environment set, what is saved here waits as the fallback for when it is unset (the page
  // then shows the environment's app read-only instead of a form).
  // An empty secret keeps the saved one; the provider refuses (with a field error) when none is saved.
  await deps.config.saveSettings(input.clientId, input.clientSecret ?? null, adminId, input.webhookKey ?? null);
  return readXeroSettings(deps);
}

/** Forgets the saved credentials: the app goes back to the environment's, the emulator (development) or none. */
export async function removeXeroSettings(deps: XeroDeps): Promise<XeroSettingsView> {
  await deps.config.clearSettings();
  return readXeroSettings(deps);
}

export interface XeroSettingsTest extends CredentialsProbe {
  source: XeroSettingsView['source'];
}

/** Checks the credentials in use against Xero's identity server, without connecting anyone. */
export async function testXeroSettings(deps: XeroDeps): Promise<XeroSettingsTest> {
  const config = await deps.config.require();
  return { source: config.source, ...(await probeXeroCredentials(deps.gate, config)) };
}
