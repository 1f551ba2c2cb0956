import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../support/raw-rows';
import { xeroAuthFlows, xeroConnections } from '../../server/db/schema';
import { openTokenSet } from '../../server/xero/stored-token-set';
import { hostileReturnPaths } from '../fixtures/hostile-return-paths';
import { CookieJar } from '../support/cookie-jar';
import { failureCodeOf } from '../support/trpc-failures';
import { demoPassword, startTestServer, type RunningTestServer } from '../support/test-app';
import { completeConsent } from '../support/xero-consent';
import { connectXero, followCallback, signUpUser } from '../support/xero-connect';

let server: RunningTestServer;
let demoTenant: string;
let acmeTenant: string;

beforeAll(async () => {
  server = await startTestServer({
    emulator: { seed: { contactsPerOrganisation: 40 }, limits: { perMinute: 10_000 } },
    limits: { perMinute: 10_000, perDay: 10_000 },
  });
  [demoTenant, acmeTenant] = server.emulator.control.organisations().map((org) => org.tenantId) as [string, string];
});
afterAll(async () => server.stop());

async function connectionRow(userId: string) {
  const [row] = await server.db.db.select().from(xeroConnections).where(eq(xeroConnections.userId, userId));
  return row;
}

describe('the connect journey', () => {
  it('connects: PKCE consent URL, callback, stored identity and tenant, back to `next`, guarded calls work', async () => {
    const user = await signUpUser(server);
    const caller = server.callerFor(user.jar);
    expect(await caller.xero.status()).toMatchObject({ configured: true, connected: false });
    expect(await failureCodeOf(caller.xero.contacts({}))).toBe('XERO_NOT_CONNECTED');

    const { url } = await caller.xero.authUrl({ next: '/contacts?page=2' });
    const consent = new URL(url);
    expect(consent.origin).toBe(server.emulator.url);
    expect(consent.searchParams.get('code_challenge_method')).toBe('S256');
    expect(consent.searchParams.get('code_challenge')).toBeTruthy();
    expect(consent.searchParams.get('state')?.length).toBeGreaterThanOrEqual(32);
    expect(consent.searchParams.get('nonce')).toBeTruthy();

    const callback = await completeConsent(url, {
      email: 'ada@example.com',
      givenName: 'Ada',
      familyName: 'Lovelace',
      tenantIds: [acmeTenant],
    });
    expect(await followCallback(callback, user.jar)).toBe('/contacts?page=2');

    const status = await caller.xero.status();
    expect(status).toMatchObject({
      connected: true,
      needsReauth: false,
      identity: { email: 'ada@example.com', givenName: 'Ada', familyName: 'Lovelace' },
    });
    expect(status.selectedTenant?.tenantId).toBe(acmeTenant);
    expect(status.scopes).toContain('accounting.contacts.read');
    expect(status.accessTokenExpiresAt?.getTime()).toBeGreaterThan(Date.now() + 25 * 60 * 1000);
    const page = await caller.xero.contacts({ pageSize: 10 });
    expect(page.contacts).toHaveLength(10);
  });

  it('selects the organisation this consent authorised, never an older connection listed first', async () => {
    const user = await signUpUser(server);
    await connectXero(server, user, { email: 'switcher@example.com', tenantIds: [demoTenant] });
    await connectXero(server, user, { email: 'switcher@example.com', tenantIds: [acmeTenant] });
    const status = await server.callerFor(user.jar).xero.status();
    expect(status.selectedTenant?.tenantId).toBe(acmeTenant);
    expect(status.tenants.map((tenant) => tenant.tenantId).sort()).toEqual([demoTenant, acmeTenant].sort());
  });

  it("switches organisation only among the connection's own tenants", async () => {
    const user = await signUpUser(server);
    await connectXero(server, user, { email: 'both@example.com', tenantIds: [demoTenant, acmeTenant] });
    const caller = server.callerFor(user.jar);
    await caller.xero.selectTenant({ tenantId: demoTenant });
    const demoIds = (await caller.xero.contacts({ pageSize: 5 })).contacts.map((contact) => contact.id);
    await caller.xero.selectTenant({ tenantId: acmeTenant });
    expect((await caller.xero.status()).selectedTenant?.tenantId).toBe(acmeTenant);
    const acmeIds = (await caller.xero.contacts({ pageSize: 5 })).contacts.map((contact) => contact.id);
    expect(acmeIds).toHaveLength(5);
    expect(acmeIds.some((id) => demoIds.includes(id))).toBe(false);
    const kitchens = server.emulator.control.organisations()[2]?.tenantId ?? '';
    expect(await failureCodeOf(caller.xero.selectTenant({ tenantId: kitchens }))).toBe('NOT_FOUND');
  });

  it('Cancel on the consent page stores nothing and returns with access_denied', async () => {
    const user = await signUpUser(server);
    const { url } = await server.callerFor(user.jar).xero.authUrl({ next: '/contacts' });
    const location = await followCallback(await completeConsent(url, { decision: 'cancel' }), user.jar);
    expect(location).toBe('/contacts?xero_error=access_denied');
    expect(await connectionRow(user.id)).toBeUndefined();
  });
});

describe('state is bound to the session, used once and short-lived', () => {
  it('refuses a replayed callback, keeping the first connection', async () => {
    const user = await signUpUser(server);
    const { url } = await server.callerFor(user.jar).xero.authUrl({ next: '/' });
    const callback = await completeConsent(url);
    expect(await followCallback(callback, user.jar)).toBe('/');
    const first = await connectionRow(user.id);
    expect(await followCallback(callback, user.jar)).toBe('/integrations/xero?xero_error=state_used');
    expect((await connectionRow(user.id))?.tokenSetEnc).toBe(first?.tokenSetEnc);
  });

  it('refuses an expired flow', async () => {
    const user = await signUpUser(server);
    const { url } = await server.callerFor(user.jar).xero.authUrl({});
    const state = new URL(url).searchParams.get('state') ?? '';
    await server.db.db
      .update(xeroAuthFlows)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(xeroAuthFlows.state, state));
    expect(await followCallback(await completeConsent(url), user.jar)).toBe(
      '/integrations/xero?xero_error=state_expired',
    );
    expect(await connectionRow(user.id)).toBeUndefined();
  });

  it('refuses a forged state', async () => {
    const user = await signUpUser(server);
    const forged = new URL(`${server.url}/xero/callback?code=abc&state=forged-state-value`);
    expect(await followCallback(forged, user.jar)).toBe('/integrations/xero?xero_error=state_unknown');
  });

  it("refuses another user's state: an attacker's callback link cannot attach their organisation to a victim", async () => {
    const attacker = await signUpUser(server);
    const victim = await signUpUser(server);
    const { url } = await server.callerFor(attacker.jar).xero.authUrl({});
    const callback = await completeConsent(url, { email: 'attacker@evil.example' });
    expect(await followCallback(callback, victim.jar)).toBe('/integrations/xero?xero_error=wrong_user');
    expect(await connectionRow(victim.id)).toBeUndefined();
    expect(await connectionRow(attacker.id)).toBeUndefined();
  });

  it('asks a signed-out browser to sign in, storing nothing', async () => {
    const user = await signUpUser(server);
    const { url } = await server.callerFor(user.jar).xero.authUrl({});
    expect(await followCallback(await completeConsent(url), new CookieJar())).toBe(
      '/integrations/xero?xero_error=signed_out',
    );
    expect(await connectionRow(user.id)).toBeUndefined();
  });

  it('refuses a flow started in a session that has since ended, even for the same user signing in again', async () => {
    const user = await signUpUser(server);
    const { url } = await server.callerFor(user.jar).xero.authUrl({});
    const callback = await completeConsent(url);
    await server.callerFor(user.jar).auth.signOut();
    const again = new CookieJar();
    await server.callerFor(again).auth.signIn({ email: user.email, password: demoPassword });
    expect(await followCallback(callback, again)).toBe('/integrations/xero?xero_error=wrong_session');
    expect(await connectionRow(user.id)).toBeUndefined();
  });

  it('refuses a callback whose state or code is not printable ASCII, with a readable code and nothing stored', async () => {
    const user = await signUpUser(server);
    const { url } = await server.callerFor(user.jar).xero.authUrl({});
    const state = new URL(url).searchParams.get('state') ?? '';
    for (const query of [`state=${state}%00&code=abc`, `state=${state}&code=a%00b`, `state=${state}&state=x`]) {
      expect(await followCallback(new URL(`${server.url}/xero/callback?${query}`), user.jar), query).toBe(
        '/integrations/xero?xero_error=bad_callback',
      );
    }
    // The flow was not spent by the damaged callbacks: the real one still completes.
    expect(await followCallback(await completeConsent(url), user.jar)).toBe('/');
  });

  it(`replaces each of ${hostileReturnPaths.length} hostile next values with /`, async () => {
    const user = await signUpUser(server);
    const caller = server.callerFor(user.jar);
    for (const next of hostileReturnPaths) {
      const { url } = await caller.xero.authUrl({ next: next.slice(0, 4096) });
      const [flow] = await server.db.db
        .select()
        .from(xeroAuthFlows)
        .where(eq(xeroAuthFlows.state, new URL(url).searchParams.get('state') ?? ''));
      expect(flow?.nextPath, JSON.stringify(next)).toBe('/');
    }
    expect(await connectXero(server, user, {}, '//evil.example/steal')).toBe('/');
  });
});

describe('refresh', () => {
  it('50 parallel guarded calls on an expired token make exactly one token request and all succeed', async () => {
    for (const knownExpired of [true, false]) {
      const user = await signUpUser(server);
      await connectXero(server, user, { email: `parallel-${knownExpired}@example.com`, tenantIds: [demoTenant] });
      const row = await connectionRow(user.id);
      const refreshToken = openTokenSet(server.deps.xero.cipher, row?.tokenSetEnc ?? '').refresh_token ?? '';
      server.emulator.control.expireAccessTokens({ refreshToken });
      // Either we know the token expired (stored expiry passed), or only Xero does (a 401 tells us).
      if (knownExpired)
        await server.db.db
          .update(xeroConnections)
          .set({ accessTokenExpiresAt: new Date(Date.now() - 1000) })
          .where(eq(xeroConnections.userId, user.id));
      const before = server.emulator.control.counters().tokenEndpointCalls;
      const results = await Promise.all(
        Array.from({ length: 50 }, async () => server.callerFor(user.jar).xero.contacts({ pageSize: 1 })),
      );
      expect(results.every((result) => result.contacts.length === 1)).toBe(true);
      expect(server.emulator.control.counters().tokenEndpointCalls - before).toBe(1);
      expect((await connectionRow(user.id))?.tokenVersion).toBe((row?.tokenVersion ?? 0) + 1);
    }
  });

  it('keeps the connection when a refresh response is lost and the retry comes inside the grace window', async () => {
    const user = await signUpUser(server);
    await connectXero(server, user, { email: 'lost@example.com', tenantIds: [demoTenant] });
    await server.db.db
      .update(xeroConnections)
      .set({ accessTokenExpiresAt: new Date(Date.now() - 1000) })
      .where(eq(xeroConnections.userId, user.id));
    server.emulator.control.injectFaults({ kind: 'lose_response', count: 1, scope: 'token' });
    const caller = server.callerFor(user.jar);
    expect(await failureCodeOf(caller.xero.contacts({}))).toBe('XERO_UNAVAILABLE');
    expect((await caller.xero.status()).needsReauth).toBe(false);
    await expect(caller.xero.contacts({ pageSize: 2 })).resolves.toMatchObject({ contacts: [{}, {}] });
    expect((await caller.xero.status()).needsReauth).toBe(false);
  });

  it('invalid_grant marks the connection for re-authorisation, and connecting again mends it', async () => {
    const user = await signUpUser(server);
    await connectXero(server, user, { email: 'stale@example.com', tenantIds: [demoTenant] });
    const caller = server.callerFor(user.jar);
    const identity = (await caller.xero.status()).identity;
    server.emulator.control.revokeGrants({ xeroUserId: identity?.xeroUserId ?? '' });
    await server.db.db
      .update(xeroConnections)
      .set({ accessTokenExpiresAt: new Date(Date.now() - 1000) })
      .where(eq(xeroConnections.userId, user.id));
    expect(await failureCodeOf(caller.xero.contacts({}))).toBe('XERO_REAUTH_REQUIRED');
    expect((await caller.xero.status()).needsReauth).toBe(true);
    expect(await failureCodeOf(caller.xero.contacts({}))).toBe('XERO_REAUTH_REQUIRED');
    await connectXero(server, user, { email: 'stale@example.com', tenantIds: [demoTenant] });
    expect((await caller.xero.status()).needsReauth).toBe(false);
    await expect(caller.xero.contacts({ pageSize: 1 })).resolves.toBeTruthy();
  });

  it('access revoked at Xero: the 401 leads to one forced refresh, invalid_grant, and re-authorisation', async () => {
    const user = await signUpUser(server);
    await connectXero(server, user, { email: 'revoked@example.com', tenantIds: [demoTenant] });
    const caller = server.callerFor(user.jar);
    server.emulator.control.revokeGrants({ xeroUserId: (await caller.xero.status()).identity?.xeroUserId ?? '' });
    expect(await failureCodeOf(caller.xero.contacts({}))).toBe('XERO_REAUTH_REQUIRED');
    expect((await caller.xero.status()).needsReauth).toBe(true);
  });
});

describe('isolation', () => {
  it("two users connected to different organisations, calling concurrently, never see each other's data", async () => {
    const alice = await signUpUser(server);
    const bob = await signUpUser(server);
    await connectXero(server, alice, { email: 'alice@example.com', tenantIds: [demoTenant] });
    await connectXero(server, bob, { email: 'bob@example.com', tenantIds: [acmeTenant] });
    const demoIds = new Set(
      (await server.callerFor(alice.jar).xero.contacts({ pageSize: 1000, includeArchived: true })).contacts.map(
        (c) => c.id,
      ),
    );
    const acmeIds = new Set(
      (await server.callerFor(bob.jar).xero.contacts({ pageSize: 1000, includeArchived: true })).contacts.map(
        (c) => c.id,
      ),
    );
    expect([...demoIds].some((id) => acmeIds.has(id))).toBe(false);
    const calls = Array.from({ length: 20 }, async (_, index) => {
      const user = index % 2 === 0 ? alice : bob;
      const page = await server.callerFor(user.jar).xero.contacts({ pageSize: 10, page: 1 + (index % 3) });
      return { user, ids: page.contacts.map((contact) => contact.id) };
    });
    for (const { user, ids } of await Promise.all(calls)) {
      const own = user === alice ? demoIds : acmeIds;
      expect(ids.every((id) => own.has(id))).toBe(true);
    }
  });

  it('refuses anonymous callers and non-admins at their rungs', async () => {
    const anonymous = server.callerFor(new CookieJar());
    const someId = '00000000-0000-4000-8000-000000000000';
    const calls = [
      anonymous.xero.status(),
      anonymous.xero.contacts({}),
      anonymous.xero.contact({ id: someId }),
      anonymous.xero.authUrl({}),
      anonymous.xero.selectTenant({ tenantId: demoTenant }),
      anonymous.xero.disconnect(),
      anonymous.xero.guessUser(),
      anonymous.xero.linkUser({ xeroUserId: someId }),
      anonymous.xero.unlinkUser(),
      anonymous.xero.settings(),
      anonymous.xero.saveSettings({ clientId: 'ABC', clientSecret: 'x' }),
      anonymous.auth.setXeroEmail({ xeroEmail: '' }),
    ];
    for (const call of calls) expect(await failureCodeOf(call)).toBe('UNAUTHENTICATED');
    const user = await signUpUser(server);
    expect(await failureCodeOf(server.callerFor(user.jar).xero.settings())).toBe('FORBIDDEN');
  });
});

describe('disconnect', () => {
  it('removes the connection at Xero, revokes the refresh token, and deletes it here', async () => {
    const user = await signUpUser(server);
    await connectXero(server, user, { email: 'leaver@example.com', tenantIds: [demoTenant, acmeTenant] });
    const row = await connectionRow(user.id);
    const refreshToken = openTokenSet(server.deps.xero.cipher, row?.tokenSetEnc ?? '').refresh_token ?? '';
    const report = await server.callerFor(user.jar).xero.disconnect();
    expect(report).toEqual({
      disconnected: true,
      removedAtXero: 2,
      alreadyGoneAtXero: 0,
      refreshTokenRevoked: true,
      xeroUnreachable: false,
    });
    expect(await connectionRow(user.id)).toBeUndefined();
    expect(server.emulator.control.revokeGrants({ refreshToken })).toBe(1);
  });

  it('completes locally when Xero already forgot the connection (404) or is down', async () => {
    const gone = await signUpUser(server);
    await connectXero(server, gone, { email: 'gone@example.com', tenantIds: [demoTenant] });
    const tokens = openTokenSet(server.deps.xero.cipher, (await connectionRow(gone.id))?.tokenSetEnc ?? '');
    const listed = (await (
      await fetch(`${server.emulator.url}/connections`, { headers: { authorization: `Bearer ${tokens.access_token}` } })
    ).json()) as { id: string }[];
    await fetch(`${server.emulator.url}/connections/${listed[0]?.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${tokens.access_token}` },
    });
    expect(await server.callerFor(gone.jar).xero.disconnect()).toMatchObject({
      disconnected: true,
      alreadyGoneAtXero: 1,
      xeroUnreachable: false,
    });

    const down = await signUpUser(server);
    await connectXero(server, down, { email: 'down@example.com', tenantIds: [demoTenant] });
    server.emulator.control.injectFaults({ kind: 503, count: 5 });
    const report = await server.callerFor(down.jar).xero.disconnect();
    server.emulator.control.clearFaults();
    expect(report).toMatchObject({ disconnected: true, xeroUnreachable: true });
    expect(await connectionRow(down.id)).toBeUndefined();
    expect(await server.callerFor(down.jar).xero.disconnect()).toMatchObject({ disconnected: false });
  });

  it('signing out works for users with and without a connection', async () => {
    const connected = await signUpUser(server);
    await connectXero(server, connected, { email: 'signout@example.com', tenantIds: [demoTenant] });
    const plain = await signUpUser(server);
    for (const user of [connected, plain]) {
      await expect(server.callerFor(user.jar).auth.signOut()).resolves.toEqual({ signedOut: true });
      expect(await server.callerFor(user.jar).auth.me()).toBeNull();
    }
  });
});

describe('secrets at rest', () => {
  it('stores no token, client secret or PKCE verifier in plain text anywhere in the database', async () => {
    const admin = await signUpUser(server);
    // There is one admin at a time (a unique index): hand the role over.
    await server.db.db.execute(sql`update users set role = 'user' where role = 'admin'`);
    await server.db.db.execute(sql`update users set role = 'admin' where id = ${admin.id}`);
    const clientSecret = 'admin-entered-secret-value-1234567890';
    const adminCaller = server.callerFor(admin.jar);
    await adminCaller.xero.saveSettings({ clientId: 'ABCDEF0123456789', clientSecret });
    expect(JSON.stringify(await adminCaller.xero.settings())).not.toContain(clientSecret);
    await server.deps.xero.config.clearSettings();

    const user = await signUpUser(server);
    await connectXero(server, user, { email: 'secrets@example.com', tenantIds: [demoTenant] });
    await server.callerFor(user.jar).xero.authUrl({});
    const row = await connectionRow(user.id);
    const tokens = openTokenSet(server.deps.xero.cipher, row?.tokenSetEnc ?? '');
    const flows = await server.db.db.select().from(xeroAuthFlows).where(eq(xeroAuthFlows.userId, user.id));
    const verifiers = flows.map((flow) => server.deps.xero.cipher.decrypt(flow.codeVerifierEnc, 'xero.code_verifier'));

    const tables = await queryRows<{ tablename: string }>(
      server.db.db,
      sql`select tablename from pg_tables where schemaname = 'public'`,
    );
    let dump = '';
    for (const { tablename } of tables)
      dump += JSON.stringify(await queryRows(server.db.db, sql.raw(`select * from "${tablename}"`)));
    for (const secret of [
      tokens.access_token,
      tokens.refresh_token ?? 'missing',
      tokens.id_token ?? 'missing',
      clientSecret,
      ...verifiers,
    ]) {
      expect(secret.length).toBeGreaterThan(10);
      expect(dump.includes(secret)).toBe(false);
    }
  });
});
