import type { SecretCipher } from './secret-cipher';
import type { XeroDb } from './xero-db';
import type { XeroConfigProvider } from './config';
import type { XeroChangeFeed } from './live/change-feed';
import type { OpenIdClients } from './openid-clients';
import type { XeroGate } from './calls/xero-gate';
import type { XeroLog } from './calls/xero-log';
import type { XeroSyncJobs } from './sync/sync-jobs';

/** What the Xero module needs from its host app: a database, a cipher, and its own configuration. */
export interface XeroDeps {
  db: XeroDb;
  cipher: SecretCipher;
  config: XeroConfigProvider;
  openId: OpenIdClients;
  /** Every request to Xero goes through it: deadline, circuit breaker, rate governor, logging. */
  gate: XeroGate;
  log: XeroLog;
  now: () => Date;
  /** Tells open pages, in every process, that an organisation's mirror changed. */
  changes: XeroChangeFeed;
  /** The contacts mirror's background jobs; they run once the host starts them on its queue. */
  sync: XeroSyncJobs;
}
