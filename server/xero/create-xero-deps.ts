import type { SecretCipher } from './secret-cipher';
import type { XeroDb } from './xero-db';
import { XeroConfigProvider, type XeroAppConfig, type XeroStaticConfig } from './config';
import { XeroChangeFeed, type ListenToChannel } from './live/change-feed';
import { OpenIdClients } from './openid-clients';
import { defaultCallLimits, type XeroCallLimits } from './calls/call-limits';
import { XeroGate } from './calls/xero-gate';
import { silentXeroLog, type XeroLog } from './calls/xero-log';
import type { XeroDeps } from './xero-deps';
import { XeroSyncJobs, type SyncJobsOptions } from './sync/sync-jobs';

/** The module's Xero settings; the scopes and Xero's URLs default to the real Xero's. */
type XeroDefaultedConfig = 'scopes' | 'identityUrl' | 'apiUrl' | 'webUrl';
export type XeroModuleConfig = Omit<XeroStaticConfig, XeroDefaultedConfig> &
  Partial<Pick<XeroStaticConfig, XeroDefaultedConfig>>;

export const defaultXeroScopes = [
  'openid',
  'profile',
  'email',
  'offline_access',
  'accounting.contacts.read',
  'accounting.settings.read',
];

export interface XeroModuleOptions {
  db: XeroDb;
  cipher: SecretCipher;
  config: XeroModuleConfig;
  /** The built-in emulator's app, used when nothing else configures Xero (development only). */
  emulator?: XeroAppConfig | null;
  now?: () => Date;
  /** Deadlines and Xero's limits; Xero's own by default. */
  limits?: Partial<XeroCallLimits>;
  /** Where failures of calls to Xero are reported; silent by default. */
  log?: XeroLog;
  /** LISTEN on the database, so open pages hear changes made by other processes (see `XeroChangeFeed`). */
  listen?: ListenToChannel;
  /** How often organisations are synced, how idle a connection gets before a keep-alive, and a log. */
  sync?: Partial<SyncJobsOptions>;
}

const defaultSync: SyncJobsOptions = { intervalMs: 5 * 60 * 1000, keepAliveDays: 7, log: () => {} };

/** The Xero module's dependencies: all it needs from a host app is a database and a cipher. */
export function createXeroDeps(options: XeroModuleOptions): XeroDeps {
  const log = options.log ?? silentXeroLog;
  const gate = new XeroGate(options.db, { ...defaultCallLimits, ...options.limits }, log);
  const config: XeroStaticConfig = {
    scopes: defaultXeroScopes,
    identityUrl: 'https://identity.xero.com',
    apiUrl: 'https://api.xero.com',
    webUrl: 'https://go.xero.com',
    ...options.config,
  };
  const deps: Omit<XeroDeps, 'sync'> = {
    db: options.db,
    cipher: options.cipher,
    config: new XeroConfigProvider(options.db, options.cipher, config, options.emulator ?? null),
    openId: new OpenIdClients(gate),
    gate,
    log,
    now: options.now ?? (() => new Date()),
    changes: new XeroChangeFeed(options.db, options.listen ?? null),
  };
  const withSync = deps as XeroDeps;
  withSync.sync = new XeroSyncJobs(withSync, { ...defaultSync, ...options.sync });
  return withSync;
}
