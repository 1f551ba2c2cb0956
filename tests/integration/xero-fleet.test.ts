import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { xeroConnections } from '../../server/db/schema';
import { TokenCipher } from '../../server/crypto/token-cipher';
import { openTokenSet } from '../../server/xero/stored-token-set';
import { runFleetMember, type FleetPlan } from '../support/fleet/fleet-calls';
import { runFleetProcesses } from '../support/fleet/fleet-processes';
import { startTestServer, testEncryptionKeys, testXeroScopes, type RunningTestServer } from '../support/test-app';
import { connectXero, signUpUser } from '../support/xero-connect';

const processes = 3;
const totalCalls = 100;
// Xero's real limits on both sides: 5 in flight and 60 a minute per organisation. 100 calls at 60 a
// minute take just over a minute, so this test alone has a longer timeout and the calls a longer budget
// (as background work would have).
const budgetMs = 100_000;

let server: RunningTestServer;
/** Plans for calls to one organisation; each test has its own, so one test's minute does not limit the next. */
let plan: (calls: number) => FleetPlan;
let refreshPlan: (calls: number) => FleetPlan;

async function connectedPlan(email: string, organisation: number) {
  const tenantId = server.emulator.control.organisations()[organisation]?.tenantId ?? '';
  const user = await signUpUser(server);
  await connectXero(server, user, { email, tenantIds: [tenantId] });
  const [row] = await server.db.db.select().from(xeroConnections).where(eq(xeroConnections.userId, user.id));
  return (calls: number): FleetPlan => ({ connectionId: row?.id ?? '', tenantId, calls, budgetMs });
}

beforeAll(async () => {
  server = await startTestServer();
  plan = await connectedPlan('fleet@example.com', 1);
  refreshPlan = await connectedPlan('fleet-refresh@example.com', 2);
});
afterAll(async () => server.stop());

const xeroConfig = () => ({
  clientId: 'TEST_CLIENT_ID',
  clientSecret: 'test-client-secret',
  redirectUri: `${server.url}/xero/callback`,
  scopes: testXeroScopes,
  identityUrl: server.emulator.url,
  apiUrl: server.emulator.url,
  webUrl: server.emulator.url,
});

describe('a fleet of app processes on one database', () => {
  it(`${processes} processes, ${totalCalls} concurrent calls for one organisation: never over 5 in flight or 60 a minute at Xero, no 429`, async () => {
    const tenantId = plan(0).tenantId;
    // Each call takes a while at Xero, so the fleet really competes for the 5 slots.
    server.emulator.control.injectFaults({ kind: 'slow', count: totalCalls, delayMs: 150, tenantId });
    const shares = [34, 33, 33];
    const reports = server.db.url
      ? await runFleetProcesses(
          server.db.url,
          { encryptionKeys: testEncryptionKeys, xero: xeroConfig(), limits: {} },
          shares.map((calls) => plan(calls)),
        )
      : // PGlite lives inside one process: the fleet is three app instances with their own gates on it.
        await Promise.all(
          shares.map((calls) =>
            runFleetMember(
              {
                db: server.db.db,
                cipher: new TokenCipher(testEncryptionKeys),
                xero: xeroConfig(),
                limits: {},
              },
              plan(calls),
            ),
          ),
        );
    const counters = server.emulator.control.counters();
    console.log(
      `fleet (${server.db.url ? `${processes} processes on PostgreSQL` : `${processes} instances on PGlite`}): ` +
        `peak in flight ${counters.peakInFlightByTenant[tenantId]}, peak a minute ${counters.peakMinuteByTenant[tenantId]}, ` +
        `429s ${counters.rateLimitRefusals}`,
    );
    expect(reports.reduce((sum, report) => sum + report.ok, 0)).toBe(totalCalls);
    expect(reports.map((report) => report.failures)).toEqual([{}, {}, {}]);
    expect(counters.rateLimitRefusals).toBe(0);
    expect(counters.peakInFlightByTenant[tenantId]).toBeLessThanOrEqual(5);
    expect(counters.peakInFlightByTenant[tenantId]).toBeGreaterThan(1);
    expect(counters.peakMinuteByTenant[tenantId]).toBeLessThanOrEqual(60);
    expect(counters.apiCallsByTenant[tenantId]).toBeGreaterThanOrEqual(totalCalls);
  }, 150_000);

  it('50 concurrent calls on an expired token across the fleet make one token request', async () => {
    const { connectionId } = refreshPlan(0);
    const [row] = await server.db.db.select().from(xeroConnections).where(eq(xeroConnections.id, connectionId));
    const refreshToken = openTokenSet(server.deps.xero.cipher, row?.tokenSetEnc ?? '').refresh_token ?? '';
    server.emulator.control.expireAccessTokens({ refreshToken });
    await server.db.db
      .update(xeroConnections)
      .set({ accessTokenExpiresAt: new Date(Date.now() - 1000) })
      .where(eq(xeroConnections.id, connectionId));
    const before = server.emulator.control.counters().tokenEndpointCalls;
    const plans = [17, 17, 16].map((calls) => ({ ...refreshPlan(calls), sessionPerCall: true, budgetMs: 20_000 }));
    const reports = server.db.url
      ? await runFleetProcesses(
          server.db.url,
          { encryptionKeys: testEncryptionKeys, xero: xeroConfig(), limits: {} },
          plans,
        )
      : await Promise.all(
          plans.map((memberPlan) =>
            runFleetMember(
              { db: server.db.db, cipher: new TokenCipher(testEncryptionKeys), xero: xeroConfig(), limits: {} },
              memberPlan,
            ),
          ),
        );
    expect(reports.reduce((sum, report) => sum + report.ok, 0)).toBe(50);
    expect(server.emulator.control.counters().tokenEndpointCalls - before).toBe(1);
  }, 60_000);
});
