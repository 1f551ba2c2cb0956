import { z } from 'zod';
import { loadOrCreateDevSecrets } from './dev-secrets';
import { secretWeakness } from './secret-strength';
import type { XeroStaticConfig } from './xero/config';

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: optionalText,
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  DATA_DIR: z.string().min(1).default('./.data'),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TOKEN_ENCRYPTION_KEY: z
    .string()
    .regex(
      /^[A-Za-z0-9_-]{43}(,[A-Za-z0-9_-]{43})*$/,
      'must be one or more comma-separated keys from `npm run keygen`, newest first',
    )
    .optional(),
  XERO_CLIENT_ID: optionalText,
  XERO_CLIENT_SECRET: optionalText,
  XERO_REDIRECT_URI: z.url({ protocol: /^https?$/ }).optional(),
  XERO_SCOPES: z
    .string()
    .trim()
    .regex(/^[\w.]+( +[\w.]+)*$/, 'must be scopes separated by spaces')
    .default('openid profile email offline_access accounting.contacts.read accounting.settings.read'),
  XERO_IDENTITY_URL: z.url({ protocol: /^https?$/ }).default('https://identity.xero.com'),
  XERO_API_URL: z.url({ protocol: /^https?$/ }).default('https://api.xero.com'),
  XERO_WEB_URL: z.url({ protocol: /^https?$/ }).default('https://go.xero.com'),
  XERO_WEBHOOK_KEY: optionalText,
  XERO_KEEPALIVE_DAYS: z.coerce.number().int().min(1).max(59).default(7),
  XERO_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  XERO_DAILY_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(5000),
  XERO_SYNC_INTERVAL: z
    .string()
    .trim()
    .regex(/^\d+(s|m|h)?$/, 'a duration such as 300s, 5m or 1h')
    .default('5m')
    .transform(
      (value) => Number.parseInt(value, 10) * ({ s: 1000, m: 60_000, h: 3_600_000 }[value.at(-1) ?? 's'] ?? 1000),
    )
    .refine((ms) => ms >= 60_000 && ms <= 24 * 3_600_000, 'between 1 minute and 24 hours'),
  TRUST_PROXY: z
    .string()
    .trim()
    .regex(
      /^(true|false|[\d.:a-fA-F/]+(\s*,\s*[\d.:a-fA-F/]+)*)$/,
      "must be true, false, or the proxies' addresses (comma-separated, CIDR allowed)",
    )
    .default('false'),
});

/** Fastify's trustProxy: whom to believe about the client's address in X-Forwarded-For. */
export type TrustProxy = boolean | string;

function parseTrustProxy(value: string): TrustProxy {
  return value === 'true' || value === 'false' ? value === 'true' : value;
}

/** In production a guessable secret is as bad as none: each key of a rotation list is checked too. */
function weakSecrets(raw: z.infer<typeof envSchema>): string[] {
  const checks = [
    ['SESSION_SECRET', raw.SESSION_SECRET ? [raw.SESSION_SECRET] : []],
    ['TOKEN_ENCRYPTION_KEY', raw.TOKEN_ENCRYPTION_KEY?.split(',') ?? []],
  ] as const;
  return checks.flatMap(([name, values]) =>
    values.flatMap((value, index) => {
      const weakness = secretWeakness(value);
      const which = values.length > 1 ? ` (key ${index + 1})` : '';
      return weakness ? [`  ${name}${which}: ${weakness}; production needs a random value (npm run keygen)`] : [];
    }),
  );
}

export interface Env {
  nodeEnv: 'development' | 'production' | 'test';
  isProduction: boolean;
  port: number;
  host: string;
  /** The origin users reach the app at; cookies and OAuth redirects are built from it. */
  publicUrl: string;
  databaseUrl: string | undefined;
  dataDir: string;
  sessionSecret: string;
  /** Newest first: the first encrypts, all decrypt. */
  tokenEncryptionKeys: string[];
  xero: XeroEnv;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  trustProxy: TrustProxy;
}

export interface XeroEnv extends XeroStaticConfig {
  keepAliveDays: number;
  /** One attempt's deadline for any call to Xero. */
  timeoutMs: number;
  /** Calls per organisation per day (Xero: 5,000; its Starter plan: 1,000). */
  dailyLimit: number;
  /** How often each organisation's contacts mirror asks Xero for changes. */
  syncIntervalMs: number;
}

export class EnvError extends Error {
  override name = 'EnvError';
}

/**
 * Parses the environment once, at boot. A bad value throws an EnvError naming the variable, so the
 * process stops before it serves anything.
 */
export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new EnvError(`Invalid environment:\n${lines.join('\n')}`);
  }
  const raw = parsed.data;
  const isProduction = raw.NODE_ENV === 'production';
  const missing = [
    ...(isProduction && !raw.SESSION_SECRET
      ? ['  SESSION_SECRET: required in production (32+ random characters)']
      : []),
    ...(isProduction && !raw.TOKEN_ENCRYPTION_KEY
      ? ['  TOKEN_ENCRYPTION_KEY: required in production (npm run keygen)']
      : []),
    ...(raw.XERO_CLIENT_ID && !raw.XERO_CLIENT_SECRET
      ? ['  XERO_CLIENT_SECRET: required when XERO_CLIENT_ID is set']
      : []),
    ...(!raw.XERO_CLIENT_ID && raw.XERO_CLIENT_SECRET
      ? ['  XERO_CLIENT_ID: required when XERO_CLIENT_SECRET is set']
      : []),
    ...(isProduction ? weakSecrets(raw) : []),
  ];
  if (missing.length > 0) throw new EnvError(`Invalid environment:\n${missing.join('\n')}`);
  const devSecrets = raw.SESSION_SECRET && raw.TOKEN_ENCRYPTION_KEY ? null : () => loadOrCreateDevSecrets(raw.DATA_DIR);
  const sessionSecret = raw.SESSION_SECRET ?? devSecrets?.().sessionSecret ?? '';
  const tokenEncryptionKeys = (raw.TOKEN_ENCRYPTION_KEY ?? devSecrets?.().tokenEncryptionKey ?? '').split(',');
  const host = raw.HOST ?? (isProduction ? '0.0.0.0' : '127.0.0.1');
  const publicUrl = (raw.PUBLIC_URL ?? `http://localhost:${raw.PORT}`).replace(/\/+$/, '');
  return {
    nodeEnv: raw.NODE_ENV,
    isProduction,
    port: raw.PORT,
    host,
    publicUrl,
    databaseUrl: raw.DATABASE_URL,
    dataDir: raw.DATA_DIR,
    sessionSecret,
    tokenEncryptionKeys,
    xero: {
      clientId: raw.XERO_CLIENT_ID,
      clientSecret: raw.XERO_CLIENT_SECRET,
      redirectUri: raw.XERO_REDIRECT_URI ?? `${publicUrl}/xero/callback`,
      scopes: raw.XERO_SCOPES.split(/ +/),
      identityUrl: raw.XERO_IDENTITY_URL.replace(/\/+$/, ''),
      apiUrl: raw.XERO_API_URL.replace(/\/+$/, ''),
      webUrl: raw.XERO_WEB_URL.replace(/\/+$/, ''),
      webhookKey: raw.XERO_WEBHOOK_KEY,
      keepAliveDays: raw.XERO_KEEPALIVE_DAYS,
      timeoutMs: raw.XERO_TIMEOUT_MS,
      dailyLimit: raw.XERO_DAILY_LIMIT,
      syncIntervalMs: raw.XERO_SYNC_INTERVAL,
    },
    logLevel: raw.LOG_LEVEL,
    trustProxy: parseTrustProxy(raw.TRUST_PROXY),
  };
}
