import type { SecretCipher } from './secret-cipher';
import type { XeroDb } from './xero-db';
import { XeroConfigProvider, type XeroAppConfig, type XeroStaticConfig } from './config';
import { OpenIdClients } from './openid-clients';
import { defaultCallLimits, type XeroCallLimits } from './calls/call-limits';
import { XeroGate } from './calls/xero-gate';
import { silentXeroLog, type XeroLog } from './calls/xero-log';
import type { XeroDeps } from './xero-deps';

export interface XeroModuleOptions {
  db: XeroDb;
  cipher: SecretCipher;
  config: XeroStaticConfig;
  /** The built-in emulator's app, used when nothing else configures Xero (development only). */
  emulator: XeroAppConfig | null;
  now?: () => Date;
  /** Deadlines and Xero's limits; Xero's own by default. */
  limits?: Partial<XeroCallLimits>;
  /** Where failures of calls to Xero are reported; silent by default. */
  log?: XeroLog;
}

/** The Xero module's dependencies: all it needs from a host app is a database and a cipher. */
export function createXeroDeps(options: XeroModuleOptions): XeroDeps {
  const log = options.log ?? silentXeroLog;
  const gate = new XeroGate(options.db, { ...defaultCallLimits, ...options.limits }, log);
  return {
    db: options.db,
    cipher: options.cipher,
    config: new XeroConfigProvider(options.db, options.cipher, options.config, options.emulator),
    openId: new OpenIdClients(gate),
    gate,
    log,
    now: options.now ?? (() => new Date()),
  };
}
