import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { appCodeOf, failureCodeOf, failureOf } from '../support/trpc-failures';
import { startTestServer, type RunningTestServer } from '../support/test-app';
import { connectXero, signUpUser } from '../support/xero-connect';

let server: RunningTestServer;

beforeAll(async () => {
  server = await startTestServer({ credentialsIn: 'settings' });
});
afterAll(async () => server?.stop());

async function adminCaller() {
  const admin = await signUpUser(server);
  // There is one admin at a time (a unique index): hand the role over.
  await server.db.db.execute(sql`update users set role = 'user' where role = 'admin'`);
  await server.db.db.execute(sql`update users set role = 'admin' where id = ${admin.id}`);
  return server.callerFor(admin.jar);
}

describe('Xero app settings', () => {
  it('keeps the saved secret when saved with an empty one, and says where the credentials come from', async () => {
    const caller = await adminCaller();
    const view = await caller.xero.saveSettings({ clientId: 'TEST_CLIENT_ID', clientSecret: '' });
    expect(view).toMatchObject({ source: 'settings', hasSavedCredentials: true, environmentWins: false });
    await expect(caller.xero.testSettings()).resolves.toMatchObject({ outcome: 'accepted', source: 'settings' });
  });

  it('refuses a first save without a secret with a field error (an AppError, not a crash)', async () => {
    await server.deps.xero.config.clearSettings();
    const failure = await server.deps.xero.config
      .saveSettings('NEWCLIENT', null, null)
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(AppError);
    expect((failure as AppError).details.fieldErrors?.clientSecret).toBeDefined();
    await server.deps.xero.config.saveSettings('TEST_CLIENT_ID', 'test-client-secret', null);
  });

  it('tells rejected credentials from accepted ones, and never returns the secret', async () => {
    const caller = await adminCaller();
    await caller.xero.saveSettings({ clientId: 'TEST_CLIENT_ID', clientSecret: 'wrong-secret-987654' });
    const rejected = await caller.xero.testSettings();
    expect(rejected.outcome).toBe('rejected');
    expect(JSON.stringify(rejected)).not.toContain('wrong-secret-987654');
    await caller.xero.saveSettings({ clientId: 'TEST_CLIENT_ID', clientSecret: 'test-client-secret' });
    await expect(caller.xero.testSettings()).resolves.toMatchObject({ outcome: 'accepted' });
  });

  it("goes through the app's circuit breaker: once Xero's token endpoint is known to be down, it answers at once", async () => {
    const caller = await adminCaller();
    server.emulator.control.injectFaults({ kind: 503, count: 100, scope: 'token' });
    try {
      // Five outages in a row open the breaker of this app's token endpoint (shared with sign-ins and refreshes).
      for (let attempt = 0; attempt < 5; attempt += 1)
        expect(await caller.xero.testSettings()).toMatchObject({
          outcome: 'unreachable',
          message: expect.stringContaining('the token endpoint answered 503') as string,
        });
      const before = server.emulator.control.counters().tokenEndpointCalls;
      const open = await caller.xero.testSettings();
      expect(open).toMatchObject({ outcome: 'unreachable', message: expect.stringMatching(/not been answering/) });
      expect(server.emulator.control.counters().tokenEndpointCalls).toBe(before);
    } finally {
      server.emulator.control.clearFaults();
    }
    // The breaker half-opens after its cooldown (half a second in tests); Xero answering closes it.
    await new Promise((resolve) => setTimeout(resolve, 600));
    await expect(caller.xero.testSettings()).resolves.toMatchObject({ outcome: 'accepted' });
  });

  it('removes the saved credentials; with no emulator and no environment, Xero is then off', async () => {
    const caller = await adminCaller();
    const view = await caller.xero.removeSettings();
    expect(view).toMatchObject({ source: 'none', hasSavedCredentials: false, fallback: 'none' });
    expect(await failureCodeOf(caller.xero.testSettings())).toBe('XERO_NOT_CONFIGURED');
    await server.deps.xero.config.saveSettings('TEST_CLIENT_ID', 'test-client-secret', null);
  });

  it('lets only an administrator test or remove the credentials', async () => {
    const user = await signUpUser(server);
    const caller = server.callerFor(user.jar);
    expect(await failureCodeOf(caller.xero.testSettings())).toBe('FORBIDDEN');
    expect(await failureCodeOf(caller.xero.removeSettings())).toBe('FORBIDDEN');
    expect(await failureCodeOf(caller.emulator.injectFault({ fault: 'clear' }))).toBe('FORBIDDEN');
  });

  it('injects faults only into the built-in emulator, never into a configured Xero', async () => {
    const caller = await adminCaller();
    const failure = await failureOf(caller.emulator.injectFault({ fault: 'rate_limit' }));
    expect(appCodeOf(failure)).toBe('FORBIDDEN');
    expect(failure.message).toContain('built-in Xero emulator');
  });
});

describe('status and the organisation', () => {
  it('reads the organisation from Xero once, then from the kept copy, which status shows too', async () => {
    const user = await signUpUser(server);
    await connectXero(server, user);
    const caller = server.callerFor(user.jar);
    const before = await caller.xero.status();
    expect(before).toMatchObject({ connected: true, health: 'ok', organisation: null });
    const tenantId = before.selectedTenant?.tenantId ?? '';
    const calls = () => server.emulator.control.counters().apiCallsByTenant[tenantId] ?? 0;

    const start = calls();
    const first = await caller.xero.organisation();
    expect(first).toMatchObject({ tenantId, countryCode: expect.stringMatching(/^[A-Z]{2}$/) });
    expect(first.baseCurrency).toMatch(/^[A-Z]{3}$/);
    expect(calls()).toBe(start + 1);
    await caller.xero.organisation();
    expect(calls()).toBe(start + 1);
    expect((await caller.xero.status()).organisation).toMatchObject({
      name: first.name,
      baseCurrency: first.baseCurrency,
    });
  });

  it('reports a revoked grant as needing a reconnect, with no token expiry to mislead', async () => {
    const user = await signUpUser(server);
    await connectXero(server, user, { email: 'revoked-status@example.com' });
    const caller = server.callerFor(user.jar);
    server.emulator.control.revokeGrants({ all: true });
    expect(await failureCodeOf(caller.xero.contacts({}))).toBe('XERO_REAUTH_REQUIRED');
    const status = await caller.xero.status();
    expect(status).toMatchObject({
      connected: true,
      needsReauth: true,
      health: 'needs_reconnect',
      accessTokenExpiresAt: null,
    });
  });
});
