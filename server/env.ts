import { z } from 'zod';
import { loadOrCreateDevSecrets } from './dev-secrets';

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
});

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
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
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
  if (isProduction && !raw.SESSION_SECRET) {
    throw new EnvError('Invalid environment:\n  SESSION_SECRET: required in production (32+ random characters)');
  }
  const sessionSecret = raw.SESSION_SECRET ?? loadOrCreateDevSecrets(raw.DATA_DIR).sessionSecret;
  const host = raw.HOST ?? (isProduction ? '0.0.0.0' : '127.0.0.1');
  return {
    nodeEnv: raw.NODE_ENV,
    isProduction,
    port: raw.PORT,
    host,
    publicUrl: (raw.PUBLIC_URL ?? `http://localhost:${raw.PORT}`).replace(/\/+$/, ''),
    databaseUrl: raw.DATABASE_URL,
    dataDir: raw.DATA_DIR,
    sessionSecret,
    logLevel: raw.LOG_LEVEL,
  };
}
