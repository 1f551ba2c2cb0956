import { eq } from 'drizzle-orm';
import { AppError } from '../../shared/errors';
import type { SecretCipher } from './secret-cipher';
import type { XeroDb } from './xero-db';
import { xeroSettings } from './schema';

export type XeroConfigSource = 'environment' | 'settings' | 'emulator';

/** Everything needed to talk to one Xero app. */
export interface XeroAppConfig {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  scopes: string[];
  identityUrl: string;
  apiUrl: string;
  /** Xero's web app, where a person opens an organisation's records ("Open in Xero"). */
  webUrl: string;
  /** The key Xero signs webhook deliveries with; null when webhooks are not set up (polling still runs). */
  webhookKey: string | null;
  source: XeroConfigSource;
}

/** The Xero settings from the environment. */
export interface XeroStaticConfig {
  /** Set when the environment configures a Xero app; it then wins over the admin settings page. */
  clientId: string | undefined;
  clientSecret: string | undefined;
  redirectUri: string;
  scopes: string[];
  identityUrl: string;
  apiUrl: string;
  /** Xero's web app, for links to an organisation's records. */
  webUrl: string;
  /** The webhook key from the environment, if set. */
  webhookKey?: string | undefined;
}

export const secretPurpose = {
  webhookKey: 'xero.webhook_key',
  clientSecret: 'xero.client_secret',
  tokenSet: 'xero.token_set',
  codeVerifier: 'xero.code_verifier',
} as const;

/**
 * Which Xero app we are: the environment wins; else what an admin saved on the settings page; else,
 * in development only, the built-in emulator. Production with none of them has Xero switched off.
 */
export class XeroConfigProvider {
  private cached: Promise<XeroAppConfig | null> | undefined;

  constructor(
    private readonly db: XeroDb,
    private readonly cipher: SecretCipher,
    private readonly fromEnv: XeroStaticConfig,
    private readonly emulator: XeroAppConfig | null,
  ) {}

  get environmentConfigured(): boolean {
    return Boolean(this.fromEnv.clientId && this.fromEnv.clientSecret);
  }

  get redirectUri(): string {
    return this.fromEnv.redirectUri;
  }

  current(): Promise<XeroAppConfig | null> {
    this.cached ??= this.resolve().catch((error: unknown) => {
      this.cached = undefined;
      throw error;
    });
    return this.cached;
  }

  /** The active config, or XERO_NOT_CONFIGURED for the person who tried to use Xero. */
  async require(): Promise<XeroAppConfig> {
    const config = await this.current();
    if (!config)
      throw new AppError(
        'XERO_NOT_CONFIGURED',
        'Xero is not set up for this app yet. An administrator can add the Xero app credentials in Settings.',
      );
    return config;
  }

  private async resolve(): Promise<XeroAppConfig | null> {
    const shared = {
      redirectUri: this.fromEnv.redirectUri,
      scopes: this.fromEnv.scopes,
      identityUrl: this.fromEnv.identityUrl,
      apiUrl: this.fromEnv.apiUrl,
      webUrl: this.fromEnv.webUrl,
      webhookKey: this.fromEnv.webhookKey ?? null,
    };
    if (this.fromEnv.clientId && this.fromEnv.clientSecret) {
      return {
        ...shared,
        clientId: this.fromEnv.clientId,
        clientSecret: this.fromEnv.clientSecret,
        source: 'environment',
      };
    }
    const [saved] = await this.db.select().from(xeroSettings).where(eq(xeroSettings.id, 1));
    const savedWebhookKey = saved?.webhookKeyEnc
      ? this.cipher.decrypt(saved.webhookKeyEnc, secretPurpose.webhookKey)
      : null;
    if (saved) {
      return {
        ...shared,
        webhookKey: shared.webhookKey ?? savedWebhookKey,
        clientId: saved.clientId,
        clientSecret: this.cipher.decrypt(saved.clientSecretEnc, secretPurpose.clientSecret),
        source: 'settings',
      };
    }
    return this.emulator;
  }

  /** Saves the app's credentials; an empty secret or webhook key (null or undefined) keeps the saved one. */
  async saveSettings(
    clientId: string,
    clientSecret: string | null,
    updatedBy: string | null,
    webhookKey: string | null = null,
  ): Promise<void> {
    const [existing] = await this.db.select().from(xeroSettings).where(eq(xeroSettings.id, 1));
    const webhookKeyEnc = webhookKey
      ? this.cipher.encrypt(webhookKey, secretPurpose.webhookKey)
      : (existing?.webhookKeyEnc ?? null);
    const secretEnc = clientSecret
      ? this.cipher.encrypt(clientSecret, secretPurpose.clientSecret)
      : existing?.clientSecretEnc;
    if (!secretEnc) {
      throw new AppError('VALIDATION_FAILED', 'Enter the client secret.', {
        fieldErrors: { clientSecret: ['Enter the client secret from the Xero developer portal.'] },
      });
    }
    await this.db
      .insert(xeroSettings)
      .values({ id: 1, clientId, clientSecretEnc: secretEnc, webhookKeyEnc, updatedBy })
      .onConflictDoUpdate({
        target: xeroSettings.id,
        set: { clientId, clientSecretEnc: secretEnc, webhookKeyEnc, updatedBy, updatedAt: new Date() },
      });
    this.cached = undefined;
  }

  /** Where the credentials in use come from, for the start-up log and the settings page. */
  async source(): Promise<XeroConfigSource | 'none'> {
    return (await this.current())?.source ?? 'none';
  }

  /** Whether the built-in emulator would be used when nothing else configures Xero. */
  get emulatorAvailable(): boolean {
    return this.emulator !== null;
  }

  async clearSettings(): Promise<void> {
    await this.db.delete(xeroSettings).where(eq(xeroSettings.id, 1));
    this.cached = undefined;
  }

  /** Whether the environment sets the webhook key (the page then shows it as set elsewhere). */
  get webhookKeyFromEnvironment(): boolean {
    return Boolean(this.fromEnv.webhookKey);
  }

  async savedClientId(): Promise<string | null> {
    const [saved] = await this.db
      .select({ clientId: xeroSettings.clientId })
      .from(xeroSettings)
      .where(eq(xeroSettings.id, 1));
    return saved?.clientId ?? null;
  }
}
