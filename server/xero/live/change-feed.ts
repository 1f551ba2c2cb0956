import { EventEmitter, on } from 'node:events';
import { sql } from 'drizzle-orm';
import type { XeroDb } from '../xero-db';

/** Subscribes to a PostgreSQL notification channel; resolves to a function that unsubscribes. */
export type ListenToChannel = (channel: string, onPayload: (payload: string) => void) => Promise<() => Promise<void>>;

/** "The mirror changed for this organisation": what open pages hear, to refetch what they show. */
export interface MirrorChange {
  tenantId: string;
  /** The contacts that changed, when few; null when many did (a sync page) and pages should refetch all. */
  contactIds: string[] | null;
}

const channel = 'xero_mirror_changed';
// NOTIFY payloads stop at 8,000 bytes; 50 ids stay far below that.
const maxIdsPerNotice = 50;

/**
 * Tells every process's open pages that an organisation's mirror changed. Across processes the news travels
 * through PostgreSQL (NOTIFY, and LISTEN on the host's dedicated connection), so the process holding a
 * browser's event stream hears a change written by another. Without a way to listen (a host that passes
 * none), changes reach this process's pages only.
 */
export class XeroChangeFeed {
  private readonly local = new EventEmitter().setMaxListeners(0);
  private listening: Promise<unknown> | null = null;

  constructor(
    private readonly db: XeroDb,
    private readonly listen: ListenToChannel | null,
  ) {}

  async publish(change: MirrorChange): Promise<void> {
    const contactIds = change.contactIds && change.contactIds.length <= maxIdsPerNotice ? change.contactIds : null;
    const notice: MirrorChange = { tenantId: change.tenantId, contactIds };
    if (!this.listen) {
      this.local.emit(notice.tenantId, notice);
      return;
    }
    await this.db.execute(sql`select pg_notify(${channel}, ${JSON.stringify(notice)})`);
  }

  /** The changes of one organisation, until `signal` aborts: what a subscription procedure yields. */
  async *changesOf(tenantId: string, signal: AbortSignal | undefined): AsyncGenerator<MirrorChange> {
    await this.startListening();
    const events = on(this.local, tenantId, signal ? { signal } : {});
    try {
      for await (const [change] of events) yield change as MirrorChange;
    } catch (error) {
      if (!(error instanceof Error && error.name === 'AbortError')) throw error;
    }
  }

  private startListening(): Promise<unknown> {
    const listen = this.listen;
    if (!listen) return Promise.resolve();
    this.listening ??= listen(channel, (payload) => {
      const change = parseNotice(payload);
      if (change) this.local.emit(change.tenantId, change);
    }).catch((error: unknown) => {
      this.listening = null;
      throw error;
    });
    return this.listening;
  }
}

function parseNotice(payload: string): MirrorChange | null {
  try {
    const value = JSON.parse(payload) as Partial<MirrorChange>;
    if (typeof value.tenantId !== 'string') return null;
    const contactIds = Array.isArray(value.contactIds) ? value.contactIds.filter((id) => typeof id === 'string') : null;
    return { tenantId: value.tenantId, contactIds };
  } catch {
    return null;
  }
}
