import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { xeroMirrorContacts, xeroWebhookEvents } from '../../server/db/schema';
import { apiCalls, syncedAfter } from '../support/mirror-sync';
import { startTestServer, testWebhookKey, type RunningTestServer } from '../support/test-app';
import { waitFor } from '../support/wait-for';
import { connectXero, signUpUser } from '../support/xero-connect';

let server: RunningTestServer;
let tenantId: string;
let user: Awaited<ReturnType<typeof signUpUser>>;

beforeAll(async () => {
  server = await startTestServer({
    emulator: {
      seed: { contactsPerOrganisation: 30 },
      webhooks: { batchWindowMs: 20, retryBaseMs: 50, maxAttempts: 4, deliveryTimeoutMs: 5000 },
    },
    syncJobs: { intervalMs: 60 * 60_000, keepAliveDays: 7 },
  });
  tenantId = server.emulator.control.organisations()[0]?.tenantId ?? '';
  const clientId = server.emulator.clients[0]?.clientId ?? '';
  server.emulator.control.setWebhook(clientId, { url: `${server.url}/xero/webhooks`, key: testWebhookKey });
  user = await signUpUser(server);
  await connectXero(server, user, { tenantIds: [tenantId] });
  await server.callerFor(user.jar).xero.syncStatus();
  await syncedAfter(server, tenantId);
});
afterAll(async () => server.stop());

const mirrorName = async (contactId: string) => {
  const [row] = await server.db.db
    .select({ name: xeroMirrorContacts.name, status: xeroMirrorContacts.status })
    .from(xeroMirrorContacts)
    .where(and(eq(xeroMirrorContacts.tenantId, tenantId), eq(xeroMirrorContacts.contactId, contactId)));
  return row;
};

const pendingEvents = () =>
  server.db.db
    .select()
    .from(xeroWebhookEvents)
    .where(and(eq(xeroWebhookEvents.tenantId, tenantId), isNull(xeroWebhookEvents.processedAt)));

describe('webhooks keep the mirror fresh', () => {
  it('fetches a created, renamed and archived contact into the mirror, without waiting for the next poll', async () => {
    expect((await server.callerFor(user.jar).xero.syncStatus()).live).toBe(false);
    const control = server.emulator.control;
    const contact = control.addContact(tenantId, { name: 'Webhook Wombat Ltd' });
    await waitFor('the created contact in the mirror', async () => (await mirrorName(contact.contactId))?.name);
    control.updateContact(tenantId, contact.contactId, { name: 'Webhook Wombat Limited' });
    await waitFor('the new name in the mirror', async () =>
      (await mirrorName(contact.contactId))?.name === 'Webhook Wombat Limited' ? true : undefined,
    );
    control.archiveContact(tenantId, contact.contactId);
    await waitFor('the archived status in the mirror', async () =>
      (await mirrorName(contact.contactId))?.status === 'ARCHIVED' ? true : undefined,
    );
    expect(await pendingEvents()).toHaveLength(0);
    expect(await server.callerFor(user.jar).xero.syncStatus()).toMatchObject({ state: 'up_to_date', live: true });
  });

  it('fetches a burst of 120 changes with batched IDs lookups: at most one Xero call per change', async () => {
    const control = server.emulator.control;
    const contacts = Array.from({ length: 120 }, (_, index) =>
      control.addContact(tenantId, { name: `Burst ${index}` }),
    );
    await control.settleWebhooks();
    const before = apiCalls(server, tenantId);
    for (const contact of contacts) control.updateContact(tenantId, contact.contactId, { name: `${contact.name} v2` });
    await control.settleWebhooks();
    await waitFor('every renamed contact in the mirror', async () => {
      const names = await Promise.all(contacts.map(async (contact) => (await mirrorName(contact.contactId))?.name));
      return names.every((name, index) => name === `Burst ${index} v2`) ? true : undefined;
    });
    const calls = apiCalls(server, tenantId) - before;
    expect(calls).toBeGreaterThan(0);
    expect(calls).toBeLessThanOrEqual(Math.ceil(120 / 50) + 2);
  });
});
