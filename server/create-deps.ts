import { createAuth } from './auth/auth';
import { SignInLimiter, type SignInLimits } from './auth/sign-in-limiter';
import { TokenCipher } from './crypto/token-cipher';
import type { Db } from './db/db';
import type { AppDeps } from './app-deps';
import { createAppLogger, type AppLogger } from './log/app-logger';
import type { XeroAppConfig, XeroStaticConfig } from './xero/config';
import { createXeroDeps } from './xero/create-xero-deps';
import type { XeroCallLimits } from './xero/calls/call-limits';
import type { XeroLog } from './xero/calls/xero-log';
import type { ListenToChannel } from './xero/live/change-feed';
import type { SyncJobsOptions } from './xero/sync/sync-jobs';

export interface DepsConfig {
  publicUrl: string;
  sessionSecret: string;
  isProduction: boolean;
  tokenEncryptionKeys: string[];
  xero: XeroStaticConfig;
  xeroEmulator: XeroAppConfig | null;
  /** Deadlines and Xero's limits (XERO_TIMEOUT_MS, XERO_DAILY_LIMIT); Xero's own by default. */
  xeroLimits?: Partial<XeroCallLimits>;
  xeroLog?: XeroLog;
  signInLimits?: SignInLimits;
  /** Where the auth library logs; by default a logger of warnings and errors. */
  logger?: AppLogger;
  /** LISTEN on the database, so live pages hear changes written by other processes. */
  listen?: ListenToChannel;
  xeroSync?: Partial<SyncJobsOptions>;
}

export function createDeps(db: Db, config: DepsConfig): AppDeps {
  const secureCookies = config.isProduction || config.publicUrl.startsWith('https://');
  const cipher = new TokenCipher(config.tokenEncryptionKeys);
  return {
    db,
    auth: createAuth(db, {
      publicUrl: config.publicUrl,
      sessionSecret: config.sessionSecret,
      secureCookies,
      logger: config.logger ?? createAppLogger('warn'),
    }),
    signInLimiter: new SignInLimiter(db, config.signInLimits),
    xero: createXeroDeps({
      db,
      cipher,
      config: config.xero,
      emulator: config.xeroEmulator,
      ...(config.xeroLimits ? { limits: config.xeroLimits } : {}),
      ...(config.xeroLog ? { log: config.xeroLog } : {}),
      ...(config.listen ? { listen: config.listen } : {}),
      ...(config.xeroSync ? { sync: config.xeroSync } : {}),
    }),
  };
}
