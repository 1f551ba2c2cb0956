import { createHmac, randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import { spaDir, spaNeedsBuild, buildSpa } from '../../server/spa-build';
import { signUpInBrowser } from '../support/browser-accounts';
import { launchChromium } from '../support/chromium';
import { syncedAfter } from '../support/mirror-sync';
import { startTestServer, testWebhookKey } from '../support/test-app';

/**
 * Webhook figures: how many events a second the receiver acknowledges with 200 (deliveries of 100 events,
 * 20 connections), and the time from a contact renamed in the emulator to the new name on an open Contacts
 * page in Chromium, over 20 renames, with the sync jobs running so each change travels through the mirror.
 * The database is PGlite unless TEST_DATABASE_URL is set.
 */
if (spaNeedsBuild()) await buildSpa();
// The sync jobs run, as in `npm start`: a change goes webhook → inbox → queue → mirror → open page.
const server = await startTestServer({
  spaDir,
  emulator: { seed: { contactsPerOrganisation: 40 } },
  syncJobs: { intervalMs: 60 * 60_000, keepAliveDays: 7 },
});
const control = server.emulator.control;
const clientId = server.emulator.clients[0]?.clientId ?? '';
const tenantId = control.organisations()[0]?.tenantId ?? '';

const browser = await launchChromium();
const page = await (await browser.newContext({ baseURL: server.url })).newPage();
await signUpInBrowser(page, 'bench.live@example.com');
await page.goto('/integrations/xero');
await page
  .getByRole('button', { name: /Connect/ })
  .first()
  .click();
await page.getByRole('button', { name: 'Allow access' }).click();
await page.waitForURL((url) => url.pathname === '/integrations/xero');

await page.goto('/contacts');
await syncedAfter(server, tenantId);

// Receiver throughput: a realistic delivery of 100 events for the connected organisation.
const events = Array.from({ length: 100 }, () => ({
  resourceUrl: 'https://api.xero.com/api.xro/2.0/Contacts/x',
  resourceId: randomUUID(),
  eventDateUtc: new Date().toISOString(),
  eventType: 'UPDATE',
  eventCategory: 'CONTACT',
  tenantId,
  tenantType: 'ORGANISATION',
}));
const body = JSON.stringify({ events, firstEventSequence: 1, lastEventSequence: 100, entropy: 'BENCH' });
const signature = createHmac('sha256', testWebhookKey).update(body).digest('base64');
const load = await autocannon({
  url: `${server.url}/xero/webhooks`,
  method: 'POST',
  headers: { 'content-type': 'application/json', 'x-xero-signature': signature },
  body,
  connections: 20,
  duration: 10,
});
const acknowledged = load['2xx'];
console.log(
  `receiver: ${Math.round((acknowledged * 100) / load.duration)} events/s acknowledged with 200 ` +
    `(${Math.round(acknowledged / load.duration)} deliveries/s of 100 events; non-2xx ${load.non2xx}, p99 ${load.latency.p99} ms)`,
);

// Latency from a change in Xero to the name on screen.
control.setWebhook(clientId, { url: `${server.url}/xero/webhooks`, key: testWebhookKey });
const contact = control.addContact(tenantId, { name: 'Latency Llama 0' });
await page.goto('/contacts?search=Latency%20Llama');
await page.getByText('Latency Llama 0', { exact: true }).waitFor();
const callsBefore = control.counters().apiCallsByTenant[tenantId] ?? 0;
const latencies: number[] = [];
for (let round = 1; round <= 20; round += 1) {
  const name = `Latency Llama ${round}`;
  const started = performance.now();
  control.updateContact(tenantId, contact.contactId, { name });
  await page.getByText(name, { exact: true }).waitFor({ timeout: 10_000 });
  latencies.push(performance.now() - started);
}
const callsPerChange = ((control.counters().apiCallsByTenant[tenantId] ?? 0) - callsBefore) / 20;
latencies.sort((a, b) => a - b);
const at = (share: number) =>
  Math.round(latencies[Math.min(latencies.length - 1, Math.floor(share * latencies.length))] ?? 0);
console.log(`change to screen over 20 renames: p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms`);
console.log(`Xero calls per change (the open page's refetch included): ${callsPerChange.toFixed(2)}`);

await browser.close();
await server.stop();
