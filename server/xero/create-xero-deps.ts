import type { SecretCipher } from './secret-cipher';
import type { XeroDb } from './xero-db';
import { XeroConfigProvider, type XeroAppConfig, type XeroStaticConfig } from './config';
import { OpenIdClients } from './openid-clients';
import { TenantThrottle, type ThrottleLimits } from './tenant-throttle';
import type { XeroDeps } from './xero-deps';
import { XeroSyncJobs, type SyncJobsOptions } from './sync/sync-jobs';

export interface XeroModuleOptions {
  db: XeroDb;
  cipher: SecretCipher;
  config: XeroStaticConfig;
  /** The built-in emulator's app, used when nothing else configures Xero (development only). */
  emulator: XeroAppConfig | null;
  now?: () => Date;
  /** This process's share of Xero's per-tenant limits; Xero's own by default. */
  throttle?: ThrottleLimits;
  /** How often organisations are synced, how idle a connection gets before a keep-alive, and a log. */
  sync?: Partial<SyncJobsOptions>;
}

const defaultSync: SyncJobsOptions = { intervalMs: 5 * 60 * 1000, keepAliveDays: 7, log: () => {} };

/** The Xero module's dependencies: all it needs from a host app is a database and a cipher. */
export function createXeroDeps(options: XeroModuleOptions): XeroDeps {
  const deps: Omit<XeroDeps, 'sync'> = {
    db: options.db,
    cipher: options.cipher,
    config: new XeroConfigProvider(options.db, options.cipher, options.config, options.emulator),
    openId: new OpenIdClients(),
    throttle: new TenantThrottle(options.throttle),
    now: options.now ?? (() => new Date()),
  };
  const withSync = deps as XeroDeps;
  withSync.sync = new XeroSyncJobs(withSync, { ...defaultSync, ...options.sync });
  return withSync;
}
