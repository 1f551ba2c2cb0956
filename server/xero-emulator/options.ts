import type { WebhookSenderOptions, WebhookSubscription } from './webhooks/webhook-sender';

export interface EmulatorClient {
  clientId: string;
  clientSecret: string;
  /** Exact redirect URIs this app registered; anything else is refused without redirecting. */
  redirectUris: string[];
  /** The app's webhook subscription: where contact events go and the key that signs them. */
  webhook?: WebhookSubscription;
}

export interface EmulatorLimits {
  /** Per tenant, as Xero: 5 calls in flight, 60 a minute, 5000 a day; 10,000 a minute per app. */
  concurrent: number;
  perMinute: number;
  perDay: number;
  appPerMinute: number;
}

export interface EmulatorOptions {
  port?: number;
  host?: string;
  /** Issuer and base URL as clients see them; defaults to http://host:port once listening. */
  publicUrl?: string;
  clients?: EmulatorClient[];
  /** Keep the RS256 signing key in this folder, so tokens verify across restarts. */
  dataDir?: string;
  limits?: Partial<EmulatorLimits>;
  accessTokenTtlSeconds?: number;
  /** Refresh tokens unused this long are refused (Xero: 60 days). */
  refreshTokenIdleSeconds?: number;
  /** How long a rotated refresh token is still honoured after a lost response (Xero: 30 minutes). */
  refreshGraceSeconds?: number;
  authorizationCodeTtlSeconds?: number;
  /** Test and demo controls under /_emulator; off unless enabled. */
  controlEnabled?: boolean;
  seed?: SeedOptions;
  /** Name in the ProviderName field of API responses. */
  providerName?: string;
  /** Batching and retry timing of webhook deliveries (Xero's own by default, scaled down). */
  webhooks?: Partial<WebhookSenderOptions>;
}

export interface SeedOptions {
  /** Same seed, same data. */
  seed?: number;
  contactsPerOrganisation?: number;
  /** Override per organisation index (0, 1, …). */
  contactsByOrganisation?: Record<number, number>;
}

export const defaultClient: EmulatorClient = {
  clientId: 'EMULATOR_CLIENT_ID_0000000000000',
  clientSecret: 'emulator-client-secret-not-for-production',
  redirectUris: ['http://localhost:3000/xero/callback'],
};

export const defaultLimits: EmulatorLimits = { concurrent: 5, perMinute: 60, perDay: 5000, appPerMinute: 10_000 };

export interface ResolvedOptions {
  clients: EmulatorClient[];
  limits: EmulatorLimits;
  accessTokenTtlSeconds: number;
  refreshTokenIdleSeconds: number;
  refreshGraceSeconds: number;
  authorizationCodeTtlSeconds: number;
  controlEnabled: boolean;
  seed: Required<Pick<SeedOptions, 'seed' | 'contactsPerOrganisation'>> & Pick<SeedOptions, 'contactsByOrganisation'>;
  providerName: string;
}

export function resolveOptions(options: EmulatorOptions): ResolvedOptions {
  return {
    clients: options.clients && options.clients.length > 0 ? options.clients : [defaultClient],
    limits: { ...defaultLimits, ...options.limits },
    accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? 1800,
    refreshTokenIdleSeconds: options.refreshTokenIdleSeconds ?? 60 * 24 * 60 * 60,
    refreshGraceSeconds: options.refreshGraceSeconds ?? 30 * 60,
    authorizationCodeTtlSeconds: options.authorizationCodeTtlSeconds ?? 300,
    controlEnabled: options.controlEnabled ?? false,
    seed: {
      seed: options.seed?.seed ?? 20_240_601,
      contactsPerOrganisation: options.seed?.contactsPerOrganisation ?? 300,
      contactsByOrganisation: options.seed?.contactsByOrganisation,
    },
    providerName: options.providerName ?? 'Xero Emulator',
  };
}
