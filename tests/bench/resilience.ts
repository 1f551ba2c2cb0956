import { eq } from 'drizzle-orm';
import { TokenCipher } from '../../server/crypto/token-cipher';
import { xeroConnections } from '../../server/db/schema';
import { runFleetMember } from '../support/fleet/fleet-calls';
import { startTestServer, testEncryptionKeys, testXeroScopes, type RunningTestServer } from '../support/test-app';
import { connectXero, signUpUser, type TestUser } from '../support/xero-connect';
import { runFleetProcesses } from '../support/fleet/fleet-processes';

/**
 * Figures for calls to a misbehaving Xero, with the default deadlines (XERO_TIMEOUT_MS 10 s per attempt,
 * 25 s per call): a hung Accounting API, a hung token endpoint with 5 and 50 concurrent callers, and the
 * peak in flight Xero sees from three app processes (on PostgreSQL when TEST_DATABASE_URL is set).
 */
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const time = async <T>(run: () => Promise<T>) => {
  const started = performance.now();
  const result = await run();
  return { result, ms: performance.now() - started };
};
const outcome = (promise: Promise<unknown>) =>
  promise.then(
    () => 'ok',
    (error: unknown) => (error as { cause?: { code?: string } }).cause?.code ?? 'failed',
  );
const tally = (codes: string[]) =>
  Object.entries(codes.reduce<Record<string, number>>((all, code) => ({ ...all, [code]: (all[code] ?? 0) + 1 }), {}))
    .map(([code, count]) => `${count} ${code}`)
    .join(', ');

const server: RunningTestServer = await startTestServer({ emulator: { seed: { contactsPerOrganisation: 100 } } });
console.log(`database: ${server.db.driver}`);
const [demo, acme] = server.emulator.control.organisations().map((org) => org.tenantId) as [string, string];

async function connected(email: string, tenantId: string): Promise<TestUser> {
  const user = await signUpUser(server, { email });
  await connectXero(server, user, { email, tenantIds: [tenantId] });
  return user;
}
const contacts = async (user: TestUser) => server.callerFor(user.jar).xero.contacts({ pageSize: 10 });

const reader = await connected('hang@example.com', demo);
server.emulator.control.injectFaults({ kind: 'hang', count: 2, tenantId: demo });
const hung = await time(() => outcome(contacts(reader)));
console.log(`hung Accounting API: readable error (${hung.result}) after ${seconds(hung.ms)} (two 10 s attempts)`);
const healthy = await time(() => outcome(contacts(reader)));
console.log(`healthy call right after the hang: ${healthy.result} in ${healthy.ms.toFixed(0)} ms`);

for (const callers of [5, 50]) {
  const user = await connected(`token-${callers}@example.com`, demo);
  await server.db.db
    .update(xeroConnections)
    .set({ accessTokenExpiresAt: new Date(Date.now() - 1000) })
    .where(eq(xeroConnections.userId, user.id));
  server.emulator.control.injectFaults({ kind: 'hang', count: 1, scope: 'token' });
  let before = server.emulator.control.counters().tokenEndpointCalls;
  const stalled = await time(() => Promise.all(Array.from({ length: callers }, () => outcome(contacts(user)))));
  console.log(
    `${callers} concurrent calls, token endpoint hung: ${tally(stalled.result)} in ${seconds(stalled.ms)}, ` +
      `${server.emulator.control.counters().tokenEndpointCalls - before} token request(s)`,
  );
  before = server.emulator.control.counters().tokenEndpointCalls;
  const recovered = await time(() => Promise.all(Array.from({ length: callers }, () => outcome(contacts(user)))));
  console.log(
    `${callers} concurrent calls, token endpoint healthy again: ${tally(recovered.result)} in ${seconds(recovered.ms)}, ` +
      `${server.emulator.control.counters().tokenEndpointCalls - before} token request(s)`,
  );
}

const fleetUser = await connected('fleet@example.com', acme);
const [row] = await server.db.db.select().from(xeroConnections).where(eq(xeroConnections.userId, fleetUser.id));
const xero = {
  clientId: 'TEST_CLIENT_ID',
  clientSecret: 'test-client-secret',
  redirectUri: `${server.url}/xero/callback`,
  scopes: testXeroScopes,
  identityUrl: server.emulator.url,
  apiUrl: server.emulator.url,
  webUrl: server.emulator.url,
};
// 60 calls: a full minute's allowance, all at once, each held 150 ms at Xero.
const plan = { connectionId: row?.id ?? '', tenantId: acme, calls: 20, budgetMs: 100_000 };
server.emulator.control.injectFaults({ kind: 'slow', count: 60, delayMs: 150, tenantId: acme });
const fleet = await time(() =>
  server.db.url
    ? runFleetProcesses(server.db.url, { encryptionKeys: testEncryptionKeys, xero, limits: {} }, [plan, plan, plan])
    : Promise.all(
        [plan, plan, plan].map((memberPlan) =>
          runFleetMember(
            { db: server.db.db, cipher: new TokenCipher(testEncryptionKeys), xero, limits: {} },
            memberPlan,
          ),
        ),
      ),
);
const counters = server.emulator.control.counters();
console.log(
  `3 ${server.db.url ? 'processes on PostgreSQL' : 'app instances on PGlite'}, 60 concurrent calls for one organisation: ` +
    `${fleet.result.reduce((sum, report) => sum + report.ok, 0)} ok in ${seconds(fleet.ms)}, ` +
    `peak in flight at Xero ${counters.peakInFlightByTenant[acme]}, peak a minute ${counters.peakMinuteByTenant[acme]}, ` +
    `429s from Xero ${counters.rateLimitRefusals}`,
);
await server.stop();
