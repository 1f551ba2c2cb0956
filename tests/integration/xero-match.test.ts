import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { xeroConnections } from '../../server/db/schema';
import { CookieJar } from '../support/cookie-jar';
import { failureCodeOf } from '../support/trpc-failures';
import { startTestServer, type RunningTestServer } from '../support/test-app';
import { connectXero, signUpUser } from '../support/xero-connect';

let server: RunningTestServer;
let demoTenant: string;
let acmeTenant: string;
beforeAll(async () => {
  server = await startTestServer();
  [demoTenant, acmeTenant] = server.emulator.control.organisations().map((org) => org.tenantId) as [string, string];
});
afterAll(async () => server.stop());

describe('xero.guessUser', () => {
  it('ranks the connected Xero login first, then the same email in another case, with reasons', async () => {
    const ada = await signUpUser(server, { email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace' });
    await connectXero(server, ada, {
      email: 'ada.work@xero.example',
      givenName: 'Ada',
      familyName: 'Lovelace',
      tenantIds: [demoTenant],
    });
    const result = await server.callerFor(ada.jar).xero.guessUser();
    expect(result.organisation).toBe('Demo Company (Global)');
    expect(result.candidates[0]).toMatchObject({
      email: 'ada.work@xero.example',
      reasons: ['connected_identity', 'full_name'],
    });
    const byEmail = result.candidates.find((candidate) => candidate.email === 'ADA@Example.com');
    expect(byEmail?.reasons).toEqual(['email', 'full_name']);
    expect(result.candidates.some((candidate) => candidate.lastName === 'Byron')).toBe(false);
    expect(result.linkedUser).toBeNull();
  });

  it('finds accented names, swapped names, and the Xero-email override', async () => {
    const jose = await signUpUser(server, { email: 'jose.local@example.com', firstName: 'José', lastName: 'Álvarez' });
    await connectXero(server, jose, {
      email: 'jose.login@example.com',
      givenName: 'J',
      familyName: 'A',
      tenantIds: [demoTenant],
    });
    const joseResult = await server.callerFor(jose.jar).xero.guessUser();
    expect(joseResult.candidates.find((candidate) => candidate.email === 'jalvarez@example.org')?.reasons).toEqual([
      'full_name',
    ]);

    const alan = await signUpUser(server, { email: 'alan@example.com', firstName: 'Alan', lastName: 'Turing' });
    await connectXero(server, alan, {
      email: 'alan.login@example.com',
      givenName: 'A',
      familyName: 'T',
      tenantIds: [demoTenant],
    });
    const caller = server.callerFor(alan.jar);
    expect(
      (await caller.xero.guessUser()).candidates.find((candidate) => candidate.email === 'a.turing@bletchley.example')
        ?.reasons,
    ).toEqual(['swapped_name']);
    await caller.auth.setXeroEmail({ xeroEmail: '  KJohnson@Example.com ' });
    const overridden = await server.callerFor(alan.jar).xero.guessUser();
    expect(overridden.candidates.find((candidate) => candidate.email === 'kjohnson@example.com')?.reasons).toEqual([
      'xero_email',
    ]);
  });

  it('returns only the connected login when no organisation user matches, never an error', async () => {
    const nobody = await signUpUser(server, { email: 'zed@example.com', firstName: 'Zed', lastName: 'Zulu' });
    await connectXero(server, nobody, {
      email: 'zz@xero.example',
      givenName: 'Q',
      familyName: 'R',
      tenantIds: [acmeTenant],
    });
    const result = await server.callerFor(nobody.jar).xero.guessUser();
    expect(result.candidates.map((candidate) => candidate.reasons)).toEqual([['connected_identity']]);
  });
});

describe('linking', () => {
  it('links a user of the selected organisation, shows it in status, and unlinks', async () => {
    const user = await signUpUser(server, { email: 'linker@example.com', firstName: 'Grace', lastName: 'Hopper' });
    await connectXero(server, user, { email: 'linker@xero.example', tenantIds: [demoTenant] });
    const caller = server.callerFor(user.jar);
    const grace = (await caller.xero.guessUser()).candidates.find(
      (candidate) => candidate.email === 'grace.hopper@navy.example',
    );
    expect(grace).toBeTruthy();
    await caller.xero.linkUser({ xeroUserId: grace?.userId ?? '' });
    expect((await caller.xero.status()).linkedXeroUserId).toBe(grace?.userId);
    expect((await server.callerFor(user.jar).xero.guessUser()).linkedUser?.email).toBe('grace.hopper@navy.example');

    await caller.xero.unlinkUser();
    expect((await caller.xero.status()).linkedXeroUserId).toBeNull();
  });

  it('refuses a user of another organisation', async () => {
    const owner = await signUpUser(server);
    await connectXero(server, owner, { email: 'acme.owner@example.com', tenantIds: [acmeTenant] });
    const acmeUser = (await server.callerFor(owner.jar).xero.guessUser()).candidates[0];
    const user = await signUpUser(server);
    await connectXero(server, user, { email: 'demo.only@example.com', tenantIds: [demoTenant] });
    expect(await failureCodeOf(server.callerFor(user.jar).xero.linkUser({ xeroUserId: acmeUser?.userId ?? '' }))).toBe(
      'NOT_FOUND',
    );
    const [row] = await server.db.db.select().from(xeroConnections).where(eq(xeroConnections.userId, user.id));
    expect(row?.linkedXeroUserId).toBeNull();
  });

  it('rejects a malformed Xero email override with a field error', async () => {
    const user = await signUpUser(server);
    expect(await failureCodeOf(server.callerFor(user.jar).auth.setXeroEmail({ xeroEmail: 'not an email' }))).toBe(
      'BAD_REQUEST',
    );
    await expect(server.callerFor(user.jar).auth.setXeroEmail({ xeroEmail: '' })).resolves.toEqual({
      xeroEmail: null,
    });
  });
});

describe('rungs', () => {
  it('anonymous, not connected, and needs re-authorisation each get their own error', async () => {
    expect(await failureCodeOf(server.callerFor(new CookieJar()).xero.guessUser())).toBe('UNAUTHENTICATED');
    const fresh = await signUpUser(server);
    expect(await failureCodeOf(server.callerFor(fresh.jar).xero.guessUser())).toBe('XERO_NOT_CONNECTED');
    await connectXero(server, fresh, { email: 'rung@example.com', tenantIds: [demoTenant] });
    await server.db.db
      .update(xeroConnections)
      .set({ status: 'needs_reauth' })
      .where(eq(xeroConnections.userId, fresh.id));
    expect(await failureCodeOf(server.callerFor(fresh.jar).xero.guessUser())).toBe('XERO_REAUTH_REQUIRED');
    expect(
      await failureCodeOf(
        server.callerFor(fresh.jar).xero.linkUser({ xeroUserId: '00000000-0000-4000-8000-000000000000' }),
      ),
    ).toBe('XERO_REAUTH_REQUIRED');
  });
});
