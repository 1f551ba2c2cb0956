import { createHmac } from 'node:crypto';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { xeroWebhookEvents } from '../../server/db/schema';
import { startTestServer, testWebhookKey, type RunningTestServer } from '../support/test-app';
import { connectXero, signUpUser } from '../support/xero-connect';

let server: RunningTestServer;
let connectedTenant: string;
let strangerTenant: string;
let clientId: string;

beforeAll(async () => {
  server = await startTestServer({
    emulator: { webhooks: { batchWindowMs: 20, retryBaseMs: 50, maxAttempts: 4, deliveryTimeoutMs: 5000 } },
  });
  const [demo, acme] = server.emulator.control.organisations().map((org) => org.tenantId) as [string, string];
  connectedTenant = demo;
  strangerTenant = acme;
  clientId = server.emulator.clients[0]?.clientId ?? '';
  await connectXero(server, await signUpUser(server), { tenantIds: [connectedTenant] });
});
afterAll(async () => server.stop());
beforeEach(async () => {
  await server.db.db.delete(xeroWebhookEvents);
  server.emulator.control.setWebhook(clientId, null);
});

const sign = (body: string, key = testWebhookKey) => createHmac('sha256', key).update(body).digest('base64');

function contactEvent(tenantId: string, resourceId = randomUUID(), eventType = 'UPDATE') {
  return {
    resourceUrl: `https://api.xero.com/api.xro/2.0/Contacts/${resourceId}`,
    resourceId,
    eventDateUtc: new Date().toISOString(),
    eventType,
    eventCategory: 'CONTACT',
    tenantId,
    tenantType: 'ORGANISATION',
  };
}

function delivery(events: ReturnType<typeof contactEvent>[]) {
  return JSON.stringify({ events, firstEventSequence: 1, lastEventSequence: events.length, entropy: randomUUID() });
}

async function post(body: string, signature: string | null) {
  const response = await fetch(`${server.url}/xero/webhooks`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(signature === null ? {} : { 'x-xero-signature': signature }) },
    body,
  });
  return { status: response.status, body: await response.text() };
}

const storedEvents = () => server.db.db.select().from(xeroWebhookEvents);

describe('POST /xero/webhooks: the signature', () => {
  it('answers a correctly signed delivery with 200 and an empty body, and stores its events', async () => {
    const body = delivery([contactEvent(connectedTenant)]);
    expect(await post(body, sign(body))).toEqual({ status: 200, body: '' });
    expect(await storedEvents()).toHaveLength(1);
  });

  it.each([
    ['a missing signature', (body: string) => ({ body, signature: null })],
    ['a wrong signature', (body: string) => ({ body, signature: sign('something else') })],
    ['a signature by another key', (body: string) => ({ body, signature: sign(body, 'another-apps-key') })],
    ['a tampered body', (body: string) => ({ body: body.replace('UPDATE', 'CREATE'), signature: sign(body) })],
    ['garbage in the header', (body: string) => ({ body, signature: '%%%not base64%%%' })],
  ])('answers %s with 401 and stores nothing', async (_case, make) => {
    const attempt = make(delivery([contactEvent(connectedTenant)]));
    expect((await post(attempt.body, attempt.signature)).status).toBe(401);
    expect(await storedEvents()).toHaveLength(0);
  });

  it('refuses a correctly signed body that is not Xero’s shape with 400, and one past the size limit with 413', async () => {
    const notXero = JSON.stringify({ hello: 'world' });
    expect((await post(notXero, sign(notXero))).status).toBe(400);
    const huge = delivery(Array.from({ length: 6000 }, () => contactEvent(connectedTenant)));
    expect((await post(huge, sign(huge))).status).toBe(413);
    expect(await storedEvents()).toHaveLength(0);
  });
});

describe('what a delivery stores', () => {
  it('stores duplicates and redeliveries once', async () => {
    const event = contactEvent(connectedTenant);
    const first = delivery([event, event]);
    const again = delivery([event]);
    expect((await post(first, sign(first))).status).toBe(200);
    expect((await post(first, sign(first))).status).toBe(200);
    expect((await post(again, sign(again))).status).toBe(200);
    expect(await storedEvents()).toHaveLength(1);
  });

  it('acknowledges events for organisations nobody here is connected to, and for other categories, and drops them', async () => {
    const invoice = { ...contactEvent(connectedTenant), eventCategory: 'INVOICE' };
    const body = delivery([contactEvent(strangerTenant), invoice]);
    expect(await post(body, sign(body))).toEqual({ status: 200, body: '' });
    expect(await storedEvents()).toHaveLength(0);
  });

  it('acknowledges a burst of 1,000 events within Xero’s 5 seconds and stores each once', async () => {
    const events = Array.from({ length: 1000 }, () => contactEvent(connectedTenant));
    const body = delivery(events);
    const started = Date.now();
    const answers = await Promise.all([post(body, sign(body)), post(body, sign(body))]);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
    expect(await storedEvents()).toHaveLength(1000);
  });
});

describe('the emulator delivers as Xero does', () => {
  const subscribe = (key = testWebhookKey) =>
    server.emulator.control.setWebhook(clientId, { url: `${server.url}/xero/webhooks`, key });

  it('passes Intent to Receive with the right key, and fails it with another', async () => {
    subscribe();
    expect(await server.emulator.control.intentToReceive(clientId)).toBe(true);
    subscribe('a-key-the-app-does-not-know');
    expect(await server.emulator.control.intentToReceive(clientId)).toBe(false);
  });

  it('signs a created, an updated and an archived contact, and the app stores each event', async () => {
    subscribe();
    const control = server.emulator.control;
    const created = control.addContact(connectedTenant, { name: 'Webhook Walrus Ltd' });
    await control.settleWebhooks();
    const updated = control.updateContact(connectedTenant, created.contactId, { name: 'Webhook Walrus Limited' });
    await control.settleWebhooks();
    control.archiveContact(connectedTenant, updated.contactId);
    await control.settleWebhooks();
    control.addContact(strangerTenant, { name: 'Not connected here' });
    await control.settleWebhooks();

    const rows = await server.db.db
      .select()
      .from(xeroWebhookEvents)
      .where(eq(xeroWebhookEvents.resourceId, created.contactId));
    expect(rows.map((row) => row.eventType).sort()).toEqual(['CREATE', 'UPDATE', 'UPDATE']);
    expect(await storedEvents()).toHaveLength(3);
    const kinds = control.webhookDeliveries().map((record) => `${record.kind}:${record.signature}:${record.status}`);
    expect(kinds.slice(0, 2)).toEqual(['intent_to_receive:valid:200', 'intent_to_receive:invalid:401']);
  });

  it('retries a delivery the app refused for a bad signature, until it is accepted', async () => {
    subscribe();
    const control = server.emulator.control;
    expect(await control.intentToReceive(clientId)).toBe(true);
    control.injectWebhookBadSignatures(2);
    const contact = control.addContact(connectedTenant, { name: 'Retry Rhino' });
    await control.settleWebhooks();
    const attempts = control
      .webhookDeliveries()
      .filter((record) => record.kind === 'events')
      .slice(-3)
      .map((record) => record.status);
    expect(attempts).toEqual([401, 401, 200]);
    const rows = await server.db.db
      .select()
      .from(xeroWebhookEvents)
      .where(eq(xeroWebhookEvents.resourceId, contact.contactId));
    expect(rows).toHaveLength(1);
  });
});
