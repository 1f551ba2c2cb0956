import { eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { xeroCallSlots, xeroConnections, xeroOrgLimits, xeroRefreshClaims } from '../../server/db/schema';
import { AppError } from '../../shared/errors';
import { openXeroSession, openXeroSessionForConnection } from '../../server/xero/xero-session';
import { recordingLog } from '../support/recording-log';
import { startTestServer, type RunningTestServer } from '../support/test-app';
import { appCodeOf, failureOf } from '../support/trpc-failures';
import { connectXero, signUpUser, type TestUser } from '../support/xero-connect';

// Short deadlines so the hangs below cost seconds: one attempt 800 ms, 3 s for a whole call.
const timeoutMs = 800;
const budgetMs = 3000;
const log = recordingLog();
let server: RunningTestServer;
let user: TestUser;
let demoTenant: string;
let kiwiTenant: string;

beforeAll(async () => {
  server = await startTestServer({
    limits: { timeoutMs, budgetMs, breakerFailures: 4, breakerCooldownMs: 1500 },
    log,
  });
  const organisations = server.emulator.control.organisations();
  demoTenant = organisations[0]?.tenantId ?? '';
  kiwiTenant = organisations[2]?.tenantId ?? '';
  user = await signUpUser(server);
  await connectXero(server, user, { email: 'resilience@example.com', tenantIds: [demoTenant] });
});
afterAll(async () => server.stop());
beforeEach(async () => {
  server.emulator.control.clearFaults();
  log.lines.length = 0;
  await server.db.db.delete(xeroOrgLimits);
});

const caller = () => server.callerFor(user.jar);
const elapsed = async <T>(run: () => Promise<T>) => {
  const started = Date.now();
  const result = await run();
  return { result, ms: Date.now() - started };
};
const expireStoredToken = (userId: string) =>
  server.db.db
    .update(xeroConnections)
    .set({ accessTokenExpiresAt: new Date(Date.now() - 1000) })
    .where(eq(xeroConnections.userId, userId));

describe('a hung Xero', () => {
  it('gives a readable XERO_UNAVAILABLE within the budget, frees its slots, and the next call succeeds', async () => {
    server.emulator.control.injectFaults({ kind: 'hang', count: 2 });
    const { result: failure, ms } = await elapsed(async () => failureOf((await caller()).xero.contacts({})));
    expect(appCodeOf(failure)).toBe('XERO_UNAVAILABLE');
    expect(failure.message).toMatch(/did not answer in time/);
    expect(ms).toBeLessThan(budgetMs + 500);
    // Released as the call ends (off the caller's path), not when a lease runs out minutes later.
    await expect
      .poll(async () => server.db.db.select().from(xeroCallSlots).where(isNotNull(xeroCallSlots.holder)), {
        timeout: 1000,
      })
      .toEqual([]);
    await expect((await caller()).xero.contacts({ pageSize: 3 })).resolves.toMatchObject({
      contacts: [{}, {}, {}],
    });
  });

  it('is never locked out by many hung calls: each frees its slot when its deadline passes', async () => {
    server.emulator.control.injectFaults({ kind: 'hang', count: 3, tenantId: demoTenant });
    const hung = await Promise.all(
      Array.from({ length: 3 }, async () =>
        appCodeOf(await failureOf((await caller()).xero.contact({ id: '00000000-0000-4000-8000-000000000001' }))),
      ),
    );
    expect(hung.filter((code) => code === 'XERO_UNAVAILABLE' || code === 'NOT_FOUND')).toHaveLength(3);
    const healthy = await Promise.all(
      Array.from({ length: 8 }, async () => (await caller()).xero.contacts({ pageSize: 1 })),
    );
    expect(healthy.every((page) => page.contacts.length === 1)).toBe(true);
  });

  it('answers a slow but timely Xero, and gives up on one slower than the deadline', async () => {
    server.emulator.control.injectFaults({ kind: 'slow', count: 1, delayMs: timeoutMs / 2 });
    await expect((await caller()).xero.contacts({ pageSize: 1 })).resolves.toBeTruthy();
    server.emulator.control.injectFaults({ kind: 'slow', count: 2, delayMs: timeoutMs * 3 });
    expect(appCodeOf(await failureOf((await caller()).xero.contacts({ pageSize: 1 })))).toBe('XERO_UNAVAILABLE');
  });

  it('opens the circuit for an organisation after repeated timeouts, fails fast, then half-opens', async () => {
    const kiwiUser = await signUpUser(server);
    await connectXero(server, kiwiUser, { email: 'kiwi@example.com', tenantIds: [kiwiTenant] });
    const kiwi = () => server.callerFor(kiwiUser.jar);
    server.emulator.control.injectFaults({ kind: 'hang', count: 4, tenantId: kiwiTenant });
    for (let call = 0; call < 2; call += 1) await failureOf((await kiwi()).xero.contacts({}));
    const { result: fast, ms } = await elapsed(async () => failureOf((await kiwi()).xero.contacts({})));
    expect(appCodeOf(fast)).toBe('XERO_UNAVAILABLE');
    expect(fast.message).toMatch(/Kiwi Kitchens Limited.*try again in a few seconds/);
    expect(ms).toBeLessThan(timeoutMs);
    // Another organisation is not affected.
    await expect((await caller()).xero.contacts({ pageSize: 1 })).resolves.toBeTruthy();
    await new Promise((resolve) => setTimeout(resolve, 1600));
    await expect((await kiwi()).xero.contacts({ pageSize: 1 })).resolves.toBeTruthy();
  });
});

describe('answers that are not what Xero promised', () => {
  it.each(['html', 'cut_json', 'bad_gzip', 'no_list'] as const)(
    'a 200 with %s is XERO_BAD_RESPONSE for contacts, a contact and the users, never empty data',
    async (kind) => {
      const [first] = (await (await caller()).xero.contacts({ pageSize: 1 })).contacts;
      for (const call of [
        async () => (await caller()).xero.contacts({}),
        async () => (await caller()).xero.contact({ id: first?.id ?? '' }),
        async () => (await caller()).xero.guessUser(),
      ]) {
        server.emulator.control.injectFaults({ kind, count: 1 });
        const failure = await failureOf(call());
        expect(appCodeOf(failure)).toBe('XERO_BAD_RESPONSE');
        expect(failure.code).toBe('BAD_GATEWAY');
        expect(failure.message).toMatch(/could not read/);
      }
      const logged = log.lines.filter((line) => line.fields.kind === 'bad_response');
      expect(logged).toHaveLength(3);
      expect(logged[0]).toMatchObject({
        level: 'warn',
        fields: { status: 200, retry: 'no', organisation: 'Demo Company (Global)' },
      });
    },
  );

  it('a page without `pagination` still leads to the next page, until every contact is reached', async () => {
    const pageSize = 7;
    const expected = (await (await caller()).xero.contacts({ pageSize: 1000 })).contacts.map((contact) => contact.id);
    server.emulator.control.injectFaults({ kind: 'no_pagination', count: 100 });
    const seen: string[] = [];
    for (let page = 1, pageCount = 1; page <= pageCount; page += 1) {
      const result = await (await caller()).xero.contacts({ page, pageSize });
      expect(result.pagination.exact).toBe(false);
      pageCount = result.pagination.pageCount;
      seen.push(...result.contacts.map((contact) => contact.id));
    }
    expect(seen).toEqual(expected);
  });
});

describe('refresh', () => {
  it('with the token endpoint hung, 5 concurrent calls end within the budget after one token request; another user stays fast', async () => {
    const other = await signUpUser(server);
    await connectXero(server, other, { email: 'bystander@example.com', tenantIds: [demoTenant] });
    const stalled = await signUpUser(server);
    await connectXero(server, stalled, { email: 'stalled@example.com', tenantIds: [demoTenant] });
    await expireStoredToken(stalled.id);
    server.emulator.control.injectFaults({ kind: 'hang', count: 1, scope: 'token' });
    const before = server.emulator.control.counters().tokenEndpointCalls;
    const started = Date.now();
    let settled = 0;
    const calls = Array.from({ length: 5 }, async () => {
      const failure = await failureOf(server.callerFor(stalled.jar).xero.contacts({}));
      settled += 1;
      return appCodeOf(failure);
    });
    // While the refresh hangs, nothing is held that another user's read would wait on.
    await expect(server.callerFor(other.jar).xero.contacts({ pageSize: 1 })).resolves.toBeTruthy();
    expect(settled).toBe(0);
    expect(await Promise.all(calls)).toEqual(Array(5).fill('XERO_UNAVAILABLE'));
    expect(Date.now() - started).toBeLessThan(budgetMs + 500);
    expect(server.emulator.control.counters().tokenEndpointCalls - before).toBe(1);
    // Healthy again: the next call refreshes (one more request) and succeeds.
    await expect(server.callerFor(stalled.jar).xero.contacts({ pageSize: 1 })).resolves.toBeTruthy();
    expect(server.emulator.control.counters().tokenEndpointCalls - before).toBe(2);
  });

  it('backs off after repeated refresh failures instead of asking Xero for every caller', async () => {
    const flaky = await signUpUser(server);
    await connectXero(server, flaky, { email: 'flaky@example.com', tenantIds: [demoTenant] });
    await expireStoredToken(flaky.id);
    server.emulator.control.injectFaults({ kind: 503, count: 2, scope: 'token' });
    const before = server.emulator.control.counters().tokenEndpointCalls;
    for (let call = 0; call < 4; call += 1)
      expect(appCodeOf(await failureOf(server.callerFor(flaky.jar).xero.contacts({})))).toBe('XERO_UNAVAILABLE');
    // The first failure is retried at once (it may be a lost response); the second starts a back-off.
    expect(server.emulator.control.counters().tokenEndpointCalls - before).toBe(2);
    const [connection] = await server.db.db.select().from(xeroConnections).where(eq(xeroConnections.userId, flaky.id));
    const [claim] = await server.db.db
      .select()
      .from(xeroRefreshClaims)
      .where(eq(xeroRefreshClaims.connectionId, connection?.id ?? ''));
    expect(claim?.notBefore?.getTime()).toBeGreaterThan(Date.now());
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await expect(server.callerFor(flaky.jar).xero.contacts({ pageSize: 1 })).resolves.toBeTruthy();
  });
});

describe('Test connection', () => {
  it("with Xero's token endpoint hung, gives up at the gate's deadline, says how long it waited, and logs it", async () => {
    server.emulator.control.injectFaults({ kind: 'hang', count: 1, scope: 'token' });
    const { result, ms } = await elapsed(async () => (await caller()).xero.testSettings());
    expect(result).toMatchObject({
      outcome: 'unreachable',
      message: expect.stringContaining('(no answer within 1 second)') as string,
    });
    // One attempt's deadline here (800 ms), not the probe's own 8 seconds.
    expect(ms).toBeLessThan(timeoutMs + 500);
    expect(log.lines).toContainEqual(
      expect.objectContaining({
        level: 'warn',
        fields: expect.objectContaining({ operation: 'test connection: token', kind: 'timeout' }) as unknown,
      }),
    );
    // The first account is the admin: Xero answering again, the same test passes.
    await expect((await caller()).xero.testSettings()).resolves.toMatchObject({ outcome: 'accepted' });
  });
});

describe('limits and messages', () => {
  it("says in human time when Xero's daily limit is used up, without calling Xero", async () => {
    await server.deps.xero.gate.governor.observe(demoTenant, { 'x-daylimit-remaining': '0' });
    const calls = server.emulator.control.counters().apiCallsByTenant[demoTenant];
    const failure = await failureOf((await caller()).xero.contacts({}));
    expect(appCodeOf(failure)).toBe('XERO_RATE_LIMITED');
    expect(failure.message).toMatch(
      /^Xero's daily limit for Demo Company \(Global\) is used up; it resets in (about|a few) /,
    );
    expect(failure.message).not.toMatch(/\d{4,}/);
    expect(server.emulator.control.counters().apiCallsByTenant[demoTenant]).toBe(calls);
  });

  it('a 429 from Xero makes every process wait: one warning line, then our own refusal', async () => {
    server.emulator.control.injectFaults({ kind: 429, count: 1, retryAfterSeconds: 30 });
    const failure = await failureOf((await caller()).xero.contacts({}));
    expect(appCodeOf(failure)).toBe('XERO_RATE_LIMITED');
    expect(failure.message).toMatch(/try again in about 30 seconds/);
    const [limits] = await server.db.db.select().from(xeroOrgLimits).where(eq(xeroOrgLimits.tenantId, demoTenant));
    expect(limits?.waitUntil?.getTime()).toBeGreaterThan(Date.now() + 20_000);
    const warned = log.lines.filter((line) => line.level === 'warn');
    expect(warned).toHaveLength(1);
    expect(warned[0]?.fields).toMatchObject({
      operation: 'list contacts',
      status: 429,
      kind: 'rate_limited',
      retry: 'no',
    });
    expect(JSON.stringify(log.lines)).not.toMatch(/Bearer|eyJ/);
  });
});

describe('sessions', () => {
  it('a non-HTTP error inside a call is our bug (INTERNAL), not "Xero unavailable"', async () => {
    const session = await openXeroSession(server.deps.xero, user.id);
    const failure = await session
      .call('bad input', (client, tenantId) => client.accountingApi.getContact(tenantId, null as unknown as string))
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(AppError);
    expect((failure as AppError).code).toBe('INTERNAL');
    expect(log.lines.some((line) => line.level === 'error' && line.fields.kind === 'internal')).toBe(true);
  });

  it('opens a session by connection id and organisation, for work outside a request', async () => {
    const [row] = await server.db.db.select().from(xeroConnections).where(eq(xeroConnections.userId, user.id));
    const session = await openXeroSessionForConnection(server.deps.xero, row?.id ?? '', demoTenant);
    expect(session.tenant.name).toBe('Demo Company (Global)');
    const { body } = await session.call('list users', (client, tenantId) => client.accountingApi.getUsers(tenantId));
    expect(body.users?.length).toBeGreaterThan(0);
    await expect(openXeroSessionForConnection(server.deps.xero, row?.id ?? '', kiwiTenant)).rejects.toMatchObject({
      code: 'XERO_NOT_CONNECTED',
    });
  });
});
