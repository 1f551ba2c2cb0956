import type { BaseClient, TokenSet } from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../server/xero-emulator';
import { authorize, discoverClient, testRedirectUri, xeroClientFor } from '../../support/emulator-oidc';

let emulator: RunningEmulator;
let client: BaseClient;
let tokens: TokenSet;
let tenantId: string;
let otherTenantId: string;

/** xero-node rejects accounting calls with a JSON string of { response: { statusCode, headers, body } }. */
async function xeroNodeFailure(
  call: Promise<unknown>,
): Promise<{ statusCode: number; headers: Record<string, string>; body: Record<string, unknown> }> {
  const rejection = await call.then(
    () => null,
    (error: unknown) => error,
  );
  expect(typeof rejection).toBe('string');
  return (
    JSON.parse(rejection as string) as {
      response: { statusCode: number; headers: Record<string, string>; body: Record<string, unknown> };
    }
  ).response;
}

beforeAll(async () => {
  emulator = await startEmulator({
    seed: { contactsPerOrganisation: 250 },
    clients: [{ clientId: 'client-a', clientSecret: 'secret-a', redirectUris: [testRedirectUri] }],
    limits: { perMinute: 1000 },
  });
  const [first, second] = emulator.control.organisations();
  tenantId = first?.tenantId ?? '';
  otherTenantId = second?.tenantId ?? '';
  client = await discoverClient(emulator);
  tokens = await authorize(client, { tenantIds: [tenantId] });
});
afterAll(async () => emulator.close());

const xero = () => xeroClientFor(emulator, client, tokens);

describe('connections', () => {
  it('lists the connection made by this authorisation, filterable by authEventId, with Xero field names', async () => {
    const response = await fetch(`${emulator.url}/connections`, {
      headers: { authorization: `Bearer ${tokens.access_token}` },
    });
    const connections = (await response.json()) as Record<string, string>[];
    expect(connections).toHaveLength(1);
    expect(Object.keys(connections[0] ?? {}).sort()).toEqual([
      'authEventId',
      'createdDateUtc',
      'id',
      'tenantId',
      'tenantName',
      'tenantType',
      'updatedDateUtc',
    ]);
    expect(connections[0]).toMatchObject({ tenantId, tenantType: 'ORGANISATION', tenantName: 'Demo Company (Global)' });
    const none = await fetch(`${emulator.url}/connections?authEventId=00000000-0000-0000-0000-000000000000`, {
      headers: { authorization: `Bearer ${tokens.access_token}` },
    });
    expect(await none.json()).toEqual([]);
  });

  it('deletes a connection once (204), then 404, and the tenant becomes 403', async () => {
    const extra = await authorize(client, { email: 'delete.me@example.com', tenantIds: [tenantId, otherTenantId] });
    const headers = { authorization: `Bearer ${extra.access_token}` };
    const connections = (await (await fetch(`${emulator.url}/connections`, { headers })).json()) as {
      id: string;
      tenantId: string;
    }[];
    expect(connections).toHaveLength(2);
    const target = connections.find((connection) => connection.tenantId === otherTenantId);
    expect((await fetch(`${emulator.url}/connections/${target?.id}`, { method: 'DELETE', headers })).status).toBe(204);
    expect((await fetch(`${emulator.url}/connections/${target?.id}`, { method: 'DELETE', headers })).status).toBe(404);
    const forbidden = await xeroNodeFailure(
      xeroClientFor(emulator, client, extra).accountingApi.getContacts(otherTenantId),
    );
    expect(forbidden.statusCode).toBe(403);
  });
});

describe('contacts through xero-node', () => {
  it('pages with Xero pagination and rate-limit headers', async () => {
    const { body, response } = await xero().accountingApi.getContacts(
      tenantId,
      undefined,
      undefined,
      undefined,
      undefined,
      2,
      undefined,
      undefined,
      undefined,
      50,
    );
    expect(body.contacts).toHaveLength(50);
    expect(body.pagination).toMatchObject({ page: 2, pageSize: 50 });
    expect(body.pagination?.itemCount).toBeGreaterThan(200);
    expect(response.headers['x-minlimit-remaining']).toMatch(/^\d+$/);
    expect(response.headers['x-daylimit-remaining']).toMatch(/^\d+$/);
    expect(response.headers['x-appminlimit-remaining']).toMatch(/^\d+$/);
    expect(body.contacts?.[0]?.updatedDateUTC).toBeInstanceOf(Date);
  });

  it('hides archived contacts unless includeArchived', async () => {
    const active = await xero().accountingApi.getContacts(
      tenantId,
      undefined,
      undefined,
      undefined,
      undefined,
      1,
      false,
      undefined,
      undefined,
      1000,
    );
    const all = await xero().accountingApi.getContacts(
      tenantId,
      undefined,
      undefined,
      undefined,
      undefined,
      1,
      true,
      undefined,
      undefined,
      1000,
    );
    expect(active.body.contacts?.every((contact) => String(contact.contactStatus) !== 'ARCHIVED')).toBe(true);
    expect(all.body.contacts?.some((contact) => String(contact.contactStatus) === 'ARCHIVED')).toBe(true);
    expect(all.body.contacts?.length).toBe(250);
  });

  it('searches case-insensitively across name and email with searchTerm', async () => {
    const { body } = await xero().accountingApi.getContacts(
      tenantId,
      undefined,
      undefined,
      undefined,
      undefined,
      1,
      true,
      undefined,
      "o'BRIEN",
      100,
    );
    expect(body.contacts?.length).toBeGreaterThan(0);
    expect(
      body.contacts?.every((contact) =>
        `${contact.name} ${contact.emailAddress} ${contact.firstName} ${contact.lastName}`
          .toLowerCase()
          .includes("o'brien"),
      ),
    ).toBe(true);
  });

  it.each([
    ['Name == "A && B Partners"', ['A && B Partners']],
    ['Name == "\\"Quoted\\" Trading Co"', ['"Quoted" Trading Co']],
    ['Name == "Back\\\\slash Analytics"', ['Back\\slash Analytics']],
    ['Name.ToLower().StartsWith("müller") && IsCustomer == true || Name == "A && B Partners"', null],
    ['Name.Contains("Name.Contains")', ['Name.Contains("x") Ltd']],
  ])('filters with where %s', async (where, expected) => {
    const { body } = await xero().accountingApi.getContacts(tenantId, undefined, where, undefined, undefined, 1, true);
    const names = body.contacts?.map((contact) => contact.name) ?? [];
    if (expected) expect(names).toEqual(expected);
    else expect(names).toContain('A && B Partners');
  });

  it('orders by the requested field', async () => {
    const { body } = await xero().accountingApi.getContacts(
      tenantId,
      undefined,
      undefined,
      'UpdatedDateUTC DESC',
      undefined,
      1,
      undefined,
      undefined,
      undefined,
      20,
    );
    const times = body.contacts?.map((contact) => contact.updatedDateUTC?.getTime() ?? 0) ?? [];
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it("answers a malformed where with 400 and Xero's validation body", async () => {
    for (const where of ['Name ==', 'Nmae == "x"', 'Name == "unterminated', 'Name.Explode()']) {
      const failure = await xeroNodeFailure(xero().accountingApi.getContacts(tenantId, undefined, where));
      expect(failure.statusCode).toBe(400);
      expect(failure.body).toMatchObject({ ErrorNumber: 16, Type: 'QueryParseException' });
    }
  });

  it('refuses a pageSize over 1000', async () => {
    const failure = await xeroNodeFailure(
      xero().accountingApi.getContacts(
        tenantId,
        undefined,
        undefined,
        undefined,
        undefined,
        1,
        undefined,
        undefined,
        undefined,
        1001,
      ),
    );
    expect(failure.statusCode).toBe(400);
  });

  it('filters by IDs, returns summaries, honours If-Modified-Since, and fetches one contact', async () => {
    const page = await xero().accountingApi.getContacts(
      tenantId,
      undefined,
      undefined,
      undefined,
      undefined,
      1,
      undefined,
      undefined,
      undefined,
      3,
    );
    const ids = page.body.contacts?.map((contact) => contact.contactID ?? '') ?? [];
    const byIds = await xero().accountingApi.getContacts(tenantId, undefined, undefined, undefined, ids);
    expect(byIds.body.contacts?.map((contact) => contact.contactID).sort()).toEqual([...ids].sort());
    const summary = await xero().accountingApi.getContacts(
      tenantId,
      undefined,
      undefined,
      undefined,
      ids,
      undefined,
      undefined,
      true,
    );
    expect(summary.body.contacts?.[0]?.contactPersons).toBeUndefined();
    const added = emulator.control.addContact(tenantId, {
      name: 'Fresh Contact Ltd',
      emailAddress: 'fresh@example.com',
    });
    const since = await xero().accountingApi.getContacts(tenantId, new Date(Date.now() - 1000));
    expect(since.body.contacts?.map((contact) => contact.name)).toEqual(['Fresh Contact Ltd']);
    const one = await xero().accountingApi.getContact(tenantId, added.contactId);
    expect(one.body.contacts?.[0]?.emailAddress).toBe('fresh@example.com');
    const missing = await xeroNodeFailure(
      xero().accountingApi.getContact(tenantId, '00000000-0000-0000-0000-000000000000'),
    );
    expect(missing.statusCode).toBe(404);
  });
});

describe('users and organisation through xero-node', () => {
  it('lists users, including the person who connected, and filters them with where', async () => {
    const { body } = await xero().accountingApi.getUsers(tenantId);
    const emails = body.users?.map((user) => user.emailAddress) ?? [];
    expect(emails).toContain('ADA@Example.com');
    expect(body.users?.some((user) => user.userID === tokens.claims().xero_userid)).toBe(true);
    const filtered = await xero().accountingApi.getUsers(
      tenantId,
      undefined,
      'EmailAddress.ToLower() == "ada@example.com"',
    );
    expect(filtered.body.users?.map((user) => user.emailAddress)).toEqual(expect.arrayContaining(['ADA@Example.com']));
  });

  it('returns the organisation', async () => {
    const { body } = await xero().accountingApi.getOrganisations(tenantId);
    expect(body.organisations?.[0]).toMatchObject({ organisationID: tenantId, name: 'Demo Company (Global)' });
  });
});

describe("Xero's failures in xero-node's own shapes", () => {
  it('401 TokenExpired for an expired access token and for an unknown one', async () => {
    const fresh = await authorize(client, { email: 'expiring@example.com', tenantIds: [tenantId] });
    emulator.control.expireAccessTokens({ refreshToken: fresh.refresh_token ?? '' });
    const expired = await xeroNodeFailure(xeroClientFor(emulator, client, fresh).accountingApi.getContacts(tenantId));
    expect(expired.statusCode).toBe(401);
    expect(String(expired.body.Detail)).toMatch(/^TokenExpired/);
    const forged = { ...tokens, access_token: 'not-a-token' } as TokenSet;
    expect(
      (await xeroNodeFailure(xeroClientFor(emulator, client, forged).accountingApi.getContacts(tenantId))).statusCode,
    ).toBe(401);
  });

  it('403 AuthenticationUnsuccessful for a tenant the grant does not cover', async () => {
    const failure = await xeroNodeFailure(xero().accountingApi.getContacts(otherTenantId));
    expect(failure.statusCode).toBe(403);
    expect(failure.body.Detail).toBe('AuthenticationUnsuccessful');
  });

  it('429 with Retry-After and X-Rate-Limit-Problem from an injected fault and from the per-minute limit', async () => {
    emulator.control.injectFaults({ kind: 429, count: 1, retryAfterSeconds: 7 });
    const injected = await xeroNodeFailure(xero().accountingApi.getContacts(tenantId));
    expect(injected.statusCode).toBe(429);
    expect(injected.headers['retry-after']).toBe('7');

    const strict = await startEmulator({
      limits: { perMinute: 3 },
      seed: { contactsPerOrganisation: 5 },
      clients: emulator.clients,
    });
    try {
      const strictClient = await discoverClient(strict);
      const strictTokens = await authorize(strictClient);
      const [org] = strict.control.organisations();
      const api = xeroClientFor(strict, strictClient, strictTokens).accountingApi;
      for (let call = 0; call < 3; call += 1) await api.getContacts(org?.tenantId ?? '');
      const limited = await xeroNodeFailure(api.getContacts(org?.tenantId ?? ''));
      expect(limited.statusCode).toBe(429);
      expect(limited.headers['x-rate-limit-problem']).toBe('minute');
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      expect(limited.headers['x-minlimit-remaining']).toBe('0');
    } finally {
      await strict.close();
    }
  });

  it('answers injected 500 and 503 faults, then recovers', async () => {
    emulator.control.injectFaults({ kind: 503, count: 1 });
    emulator.control.injectFaults({ kind: 500, count: 1 });
    expect((await xeroNodeFailure(xero().accountingApi.getContacts(tenantId))).statusCode).toBe(503);
    expect((await xeroNodeFailure(xero().accountingApi.getContacts(tenantId))).statusCode).toBe(500);
    await expect(
      xero().accountingApi.getContacts(tenantId, undefined, undefined, undefined, undefined, 1),
    ).resolves.toBeTruthy();
  });

  it('counts token requests per grant and API calls per tenant', () => {
    const counters = emulator.control.counters();
    expect(counters.tokenEndpointCalls).toBeGreaterThan(0);
    expect(counters.apiCallsByTenant[tenantId]).toBeGreaterThan(5);
  });
});
