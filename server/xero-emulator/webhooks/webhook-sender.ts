import { createHmac, randomBytes } from 'node:crypto';
import type { Clock } from '../clock';

/** Where one app's webhooks go, and the key Xero signs them with (the developer portal's "webhooks key"). */
export interface WebhookSubscription {
  url: string;
  key: string;
}

export type WebhookEventType = 'CREATE' | 'UPDATE';

interface PendingEvent {
  resourceId: string;
  tenantId: string;
  eventType: WebhookEventType;
  eventDateUtc: string;
}

export interface DeliveryRecord {
  clientId: string;
  kind: 'intent_to_receive' | 'events';
  events: number;
  attempt: number;
  status: number | null;
  signature: 'valid' | 'invalid';
  at: string;
}

interface ClientState {
  subscription: WebhookSubscription;
  /** Xero enables a webhook only after Intent to Receive passes. */
  intent: 'unchecked' | 'passed' | 'failed';
  sequence: number;
  pending: PendingEvent[];
  timer: NodeJS.Timeout | null;
  /** Ends the batch's tracked promise when the batch is dropped instead of sent. */
  dropBatch: (() => void) | null;
}

export interface WebhookSenderOptions {
  /** Events within this window go out as one delivery, as Xero batches them. */
  batchWindowMs: number;
  /** First retry after this long, doubling each time, up to `maxAttempts` in all. */
  retryBaseMs: number;
  maxAttempts: number;
  deliveryTimeoutMs: number;
}

export const defaultWebhookOptions: WebhookSenderOptions = {
  batchWindowMs: 50,
  retryBaseMs: 1000,
  maxAttempts: 6,
  deliveryTimeoutMs: 5000,
};

/**
 * Xero's webhooks, as Xero sends them: a JSON body of events with no record data, signed in the
 * `x-xero-signature` header (base64 HMAC-SHA256 of the raw body with the app's webhook key), retried with
 * backoff when the receiver does not answer 200. Before the first delivery to a subscription it runs
 * Intent to Receive: one correctly and one wrongly signed empty delivery, which must get 200 and 401.
 */
export class WebhookSender {
  private readonly clients = new Map<string, ClientState>();
  private readonly log: DeliveryRecord[] = [];
  private badSignatures = 0;
  private readonly inFlight = new Set<Promise<unknown>>();
  private closed = false;

  constructor(
    private readonly clock: Clock,
    /** The apps connected to a tenant: only they hear of its changes. */
    private readonly clientsConnectedTo: (tenantId: string) => string[],
    private readonly options: WebhookSenderOptions = defaultWebhookOptions,
  ) {}

  subscribe(clientId: string, subscription: WebhookSubscription | null): void {
    const previous = this.clients.get(clientId);
    if (previous) this.dropBatch(previous);
    if (!subscription) {
      this.clients.delete(clientId);
      return;
    }
    this.clients.set(clientId, {
      subscription,
      intent: 'unchecked',
      sequence: 0,
      pending: [],
      timer: null,
      dropBatch: null,
    });
  }

  /** The next `count` deliveries are signed with the wrong key, as a receiver must refuse them. */
  injectBadSignatures(count: number): void {
    this.badSignatures += count;
  }

  deliveries(): DeliveryRecord[] {
    return [...this.log];
  }

  contactChanged(tenantId: string, contactId: string, eventType: WebhookEventType): void {
    const event = {
      resourceId: contactId,
      tenantId,
      eventType,
      eventDateUtc: new Date(this.clock.now()).toISOString(),
    };
    for (const clientId of this.clientsConnectedTo(tenantId)) {
      const state = this.clients.get(clientId);
      if (!state) continue;
      state.pending.push(event);
      if (state.timer) continue;
      // The batch is tracked from the moment it is scheduled, so settle() also waits for what is still batching.
      this.track(
        new Promise<void>((resolve) => {
          state.dropBatch = resolve;
          state.timer = setTimeout(() => void this.flush(clientId).finally(resolve), this.options.batchWindowMs);
        }),
      );
    }
  }

  /** Runs Intent to Receive now; true when the receiver answered both deliveries as Xero expects. */
  async intentToReceive(clientId: string): Promise<boolean> {
    const state = this.clients.get(clientId);
    if (!state) return false;
    const body = this.body(state, []);
    const good = await this.post(clientId, state, 'intent_to_receive', body, 0, 1, true);
    const bad = await this.post(clientId, state, 'intent_to_receive', body, 0, 1, false);
    state.intent = good === 200 && bad === 401 ? 'passed' : 'failed';
    return state.intent === 'passed';
  }

  /** Waits for every delivery under way, retries included (tests use it to settle). */
  async settle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  close(): void {
    this.closed = true;
    for (const state of this.clients.values()) this.dropBatch(state);
  }

  private dropBatch(state: ClientState): void {
    if (state.timer) clearTimeout(state.timer);
    state.dropBatch?.();
    state.timer = null;
    state.dropBatch = null;
  }

  private track(work: Promise<unknown>): void {
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
  }

  private async flush(clientId: string): Promise<void> {
    const state = this.clients.get(clientId);
    if (!state) return;
    state.timer = null;
    state.dropBatch = null;
    const events = state.pending.splice(0);
    if (events.length === 0) return;
    if (state.intent !== 'passed' && !(await this.intentToReceive(clientId))) return;
    const body = this.body(state, events);
    for (let attempt = 1; attempt <= this.options.maxAttempts && !this.closed; attempt += 1) {
      const signedWell = this.badSignatures === 0;
      if (!signedWell) this.badSignatures -= 1;
      const status = await this.post(clientId, state, 'events', body, events.length, attempt, signedWell);
      if (status === 200) return;
      await new Promise((resolve) => setTimeout(resolve, this.options.retryBaseMs * 2 ** (attempt - 1)));
    }
  }

  private body(state: ClientState, events: PendingEvent[]): string {
    // Intent to Receive carries no events and sequence numbers of 0; real deliveries count on from there.
    const first = events.length === 0 ? 0 : state.sequence + 1;
    state.sequence += events.length;
    return JSON.stringify({
      events: events.map((event) => ({
        resourceUrl: `https://api.xero.com/api.xro/2.0/Contacts/${event.resourceId}`,
        resourceId: event.resourceId,
        eventDateUtc: event.eventDateUtc,
        eventType: event.eventType,
        eventCategory: 'CONTACT',
        tenantId: event.tenantId,
        tenantType: 'ORGANISATION',
      })),
      firstEventSequence: first,
      lastEventSequence: events.length === 0 ? 0 : state.sequence,
      entropy: randomBytes(10).toString('hex').toUpperCase(),
    });
  }

  private async post(
    clientId: string,
    state: ClientState,
    kind: DeliveryRecord['kind'],
    body: string,
    events: number,
    attempt: number,
    signedWell: boolean,
  ): Promise<number | null> {
    const key = signedWell ? state.subscription.key : `${state.subscription.key}-wrong`;
    const signature = createHmac('sha256', key).update(body).digest('base64');
    let status: number | null = null;
    try {
      const response = await fetch(state.subscription.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-xero-signature': signature },
        body,
        signal: AbortSignal.timeout(this.options.deliveryTimeoutMs),
      });
      status = response.status;
      await response.arrayBuffer();
    } catch {
      status = null;
    }
    this.log.push({
      clientId,
      kind,
      events,
      attempt,
      status,
      signature: signedWell ? 'valid' : 'invalid',
      at: new Date(this.clock.now()).toISOString(),
    });
    return status;
  }
}
