import { AppError } from '../../shared/errors';
import type { XeroSettingsInput } from '../../shared/xero-inputs';
import type { XeroDeps } from './xero-deps';

export interface XeroSettingsView {
  /** Where the active credentials come from. */
  source: 'environment' | 'settings' | 'emulator' | 'none';
  environmentWins: boolean;
  clientId: string | null;
  /** Never the secret itself: only whether one is stored. */
  hasClientSecret: boolean;
  redirectUri: string;
}

export async function readXeroSettings(deps: XeroDeps): Promise<XeroSettingsView> {
  const current = await deps.config.current();
  const savedClientId = await deps.config.savedClientId();
  return {
    source: current?.source ?? 'none',
    environmentWins: deps.config.environmentConfigured,
    clientId: current?.source === 'emulator' ? savedClientId : (current?.clientId ?? savedClientId),
    hasClientSecret: savedClientId !== null || deps.config.environmentConfigured,
    redirectUri: deps.config.redirectUri,
  };
}

export async function saveXeroSettings(
  deps: XeroDeps,
  input: XeroSettingsInput,
  adminId: string,
): Promise<XeroSettingsView> {
  const hasSaved = (await deps.config.savedClientId()) !== null;
  if (!input.clientSecret && !hasSaved) {
    throw new AppError('VALIDATION_FAILED', 'Enter the client secret.', {
      fieldErrors: { clientSecret: ['Enter the client secret from the Xero developer portal.'] },
    });
  }
  await deps.config.saveSettings(input.clientId, input.clientSecret ?? null, adminId);
  return readXeroSettings(deps);
}
