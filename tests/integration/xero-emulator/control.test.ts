import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../server/xero-emulator';
import { authorize, discoverClient, testRedirectUri } from '../../support/emulator-oidc';

const clients = [{ clientId: 'c', clientSecret: 's', redirectUris: [testRedirectUri] }];

describe('control surface', () => {
  let controlled: RunningEmulator;
  let plain: RunningEmulator;
  beforeAll(async () => {
    [controlled, plain] = await Promise.all([
      startEmulator({ controlEnabled: true, clients, seed: { contactsPerOrganisation: 10 } }),
      startEmulator({ clients, seed: { contactsPerOrganisation: 10 } }),
    ]);
  });
  afterAll(async () => Promise.all([controlled.close(), plain.close()]));

  const post = (emulator: RunningEmulator, path: string, body: unknown) =>
    fetch(`${emulator.url}/_emulator${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('is not reachable unless enabled', async () => {
    expect((await fetch(`${plain.url}/_emulator/counters`)).status).toBe(404);
    expect((await post(plain, '/faults', { kind: 500, count: 1 })).status).toBe(404);
  });

  it('adds, updates and archives contacts over HTTP, bumping UpdatedDateUTC', async () => {
    const tenantId = controlled.control.organisations()[0]?.tenantId ?? '';
    const tokens = await authorize(await discoverClient(controlled), { tenantIds: [tenantId] });
    const headers = { authorization: `Bearer ${tokens.access_token}`, 'xero-tenant-id': tenantId };
    const listedIds = async () =>
      (
        (await (await fetch(`${controlled.url}/api.xro/2.0/Contacts?page=1&pageSize=1000`, { headers })).json()) as {
          Contacts: { ContactID: string }[];
        }
      ).Contacts.map((c) => c.ContactID);
    await listedIds();
    const added = (await (
      await post(controlled, `/tenants/${tenantId}/contacts`, { name: 'Control Co', emailAddress: 'c@example.com' })
    ).json()) as { contactId: string; updatedAt: number };
    // The default listing is cached; a change must show in it at once.
    expect(await listedIds()).toContain(added.contactId);
    const before = Date.now();
    controlled.control.advanceClock(5);
    const patched = await fetch(`${controlled.url}/_emulator/tenants/${tenantId}/contacts/${added.contactId}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Control Company' }),
    });
    expect(((await patched.json()) as { updatedAt: number }).updatedAt).toBeGreaterThan(added.updatedAt);
    await post(controlled, `/tenants/${tenantId}/contacts/${added.contactId}/archive`, {});
    expect(await listedIds()).not.toContain(added.contactId);
    const read = await fetch(`${controlled.url}/api.xro/2.0/Contacts/${added.contactId}`, { headers });
    const contact = (
      (await read.json()) as { Contacts: { Name: string; ContactStatus: string; UpdatedDateUTC: string }[] }
    ).Contacts[0];
    expect(contact).toMatchObject({ Name: 'Control Company', ContactStatus: 'ARCHIVED' });
    expect(Number(/\d+/.exec(contact?.UpdatedDateUTC ?? '')?.[0])).toBeGreaterThan(before);
  });

  it('injects faults, expires tokens, revokes grants and reports counters over HTTP', async () => {
    const tenantId = controlled.control.organisations()[0]?.tenantId ?? '';
    const tokens = await authorize(await discoverClient(controlled), {
      email: 'http.control@example.com',
      tenantIds: [tenantId],
    });
    const headers = { authorization: `Bearer ${tokens.access_token}`, 'xero-tenant-id': tenantId };
    const contacts = `${controlled.url}/api.xro/2.0/Contacts`;
    expect((await post(controlled, '/faults', { kind: 503, count: 2 })).status).toBe(200);
    expect((await fetch(contacts, { headers })).status).toBe(503);
    expect((await fetch(contacts, { headers })).status).toBe(503);
    expect((await fetch(contacts, { headers })).status).toBe(200);
    expect((await post(controlled, '/faults', { kind: 418, count: 1 })).status).toBe(400);

    await post(controlled, '/tokens/expire', { refreshToken: tokens.refresh_token });
    expect((await fetch(contacts, { headers })).status).toBe(401);
    const revoked = (await (
      await post(controlled, '/grants/revoke', { refreshToken: tokens.refresh_token })
    ).json()) as { revoked: number };
    expect(revoked.revoked).toBe(1);
    const counters = (await (await fetch(`${controlled.url}/_emulator/counters`)).json()) as {
      tokenEndpointCalls: number;
      apiCallsByTenant: Record<string, number>;
    };
    expect(counters.tokenEndpointCalls).toBeGreaterThanOrEqual(2);
    expect(counters.apiCallsByTenant[tenantId]).toBeGreaterThanOrEqual(1);
  });

  it('holds a hanging call open until the client gives up, then answers normally', async () => {
    const tenantId = controlled.control.organisations()[0]?.tenantId ?? '';
    const tokens = await authorize(await discoverClient(controlled), {
      email: 'hang@example.com',
      tenantIds: [tenantId],
    });
    const headers = { authorization: `Bearer ${tokens.access_token}`, 'xero-tenant-id': tenantId };
    controlled.control.injectFaults({ kind: 'hang', count: 1 });
    await expect(
      fetch(`${controlled.url}/api.xro/2.0/Contacts`, { headers, signal: AbortSignal.timeout(300) }),
    ).rejects.toThrow();
    expect((await fetch(`${controlled.url}/api.xro/2.0/Contacts`, { headers })).status).toBe(200);
  });
});
