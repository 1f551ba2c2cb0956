import { eq } from 'drizzle-orm';
import { xeroConnections } from '../../server/db/schema';
import { spaDir, spaNeedsBuild, buildSpa } from '../../server/spa-build';
import { openTokenSet } from '../../server/xero/stored-token-set';
import { createXeroClient } from '../../server/xero/xero-client-factory';
import { chromiumPath, launchChromium } from '../support/chromium';
import { demoPassword, startTestServer } from '../support/test-app';
import { connectXero, signUpUser } from '../support/xero-connect';

/**
 * Figures for the Xero paths, all against the emulator on this machine:
 * a guarded contacts page through our whole stack (HTTP, tRPC, session, xeroRequired, xero-node)
 * beside the same xero-node call made directly; token requests for 50 concurrent calls on an expired
 * token; and, in Chromium, the time from navigation to the first contact rows.
 */
const rounds = 200;

async function timeEach(label: string, call: () => Promise<unknown>): Promise<number> {
  for (let warm = 0; warm < 20; warm += 1) await call();
  const started = performance.now();
  for (let round = 0; round < rounds; round += 1) await call();
  const mean = (performance.now() - started) / rounds;
  console.log(`${label}: ${mean.toFixed(2)} ms per call (mean of ${rounds}, sequential)`);
  return mean;
}

if (spaNeedsBuild()) await buildSpa();
const server = await startTestServer({
  spaDir,
  emulator: { seed: { contactsPerOrganisation: 500 }, limits: { perMinute: 1e9, perDay: 1e9, appPerMinute: 1e9 } },
  limits: { perMinute: 1e9, perDay: 1e9, appPerMinute: 1e9 },
});
console.log(`database: ${server.db.driver}`);
const user = await signUpUser(server, { email: 'bench@example.com' });
await connectXero(server, user, { email: 'bench@example.com' });
const cookie = user.jar.header();
const [row] = await server.db.db.select().from(xeroConnections).where(eq(xeroConnections.userId, user.id));
const tokens = openTokenSet(server.deps.xero.cipher, row?.tokenSetEnc ?? '');
const config = await server.deps.xero.config.current();
if (!config) throw new Error('no Xero config');
const openIdClient = await server.deps.xero.openId.get(config);
const tenantId = (await server.callerFor(user.jar).xero.status()).selectedTenant?.tenantId ?? '';

const input = encodeURIComponent(JSON.stringify({ json: { page: 1, pageSize: 100 } }));
const ours = await timeEach(
  'contacts page of 100 through our stack (HTTP → tRPC → xeroRequired → xero-node)',
  async () => {
    const response = await fetch(`${server.url}/trpc/xero.contacts?input=${input}`, { headers: { cookie } });
    if (!response.ok) throw new Error(`status ${response.status}`);
    await response.json();
  },
);
const direct = await timeEach('the same page by xero-node directly (one XeroClient per call)', async () => {
  await createXeroClient(config, openIdClient, tokens).accountingApi.getContacts(
    tenantId,
    undefined,
    undefined,
    'Name ASC',
    undefined,
    1,
    false,
    false,
    undefined,
    100,
  );
});
console.log(`ratio ours / direct: ${(ours / direct).toFixed(2)}`);

server.emulator.control.expireAccessTokens({ refreshToken: tokens.refresh_token ?? '' });
await server.db.db
  .update(xeroConnections)
  .set({ accessTokenExpiresAt: new Date(Date.now() - 1000) })
  .where(eq(xeroConnections.userId, user.id));
const before = server.emulator.control.counters().tokenEndpointCalls;
const results = await Promise.all(
  Array.from({ length: 50 }, () => fetch(`${server.url}/trpc/xero.contacts?input=${input}`, { headers: { cookie } })),
);
console.log(
  `50 concurrent guarded calls on an expired token: ${results.filter((r) => r.ok).length} succeeded, ${server.emulator.control.counters().tokenEndpointCalls - before} token request(s)`,
);

if (chromiumPath()) {
  const browser = await launchChromium();
  const context = await browser.newContext({ baseURL: server.url });
  const page = await context.newPage();
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill('bench@example.com');
  await page.getByLabel('Password').fill(demoPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: /Welcome/ }).waitFor();
  const timings: number[] = [];
  for (let round = 0; round < 7; round += 1) {
    await page.goto('about:blank');
    const started = performance.now();
    await page.goto('/contacts');
    await page.locator('table tbody tr').first().waitFor();
    timings.push(performance.now() - started);
  }
  timings.sort((a, b) => a - b);
  console.log(
    `navigation to first contact rows in Chromium (full page load): median ${timings[3]?.toFixed(0)} ms, min ${timings[0]?.toFixed(0)} ms (7 loads)`,
  );
  await browser.close();
}
await server.stop();
