import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTokenSet } from '../../server/xero/stored-token-set';
import { eq } from 'drizzle-orm';
import { xeroConnections, xeroOrgLimits } from '../../server/db/schema';
import { startTestServer, type RunningTestServer } from '../support/test-app';
import { appCodeOf as appCode, failureOf } from '../support/trpc-failures';
import { connectXero, signUpUser, type TestUser } from '../support/xero-connect';
import { xeroContactUrl } from '../../shared/xero-links';
import { emulatorContacts, type EmulatorContactJson } from '../support/emulator-contacts';
import { must } from '../support/must';

let server: RunningTestServer;
let user: TestUser;

beforeAll(async () => {
  server = await startTestServer({
    emulator: {
      seed: { contactsPerOrganisation: 20, contactsByOrganisation: { 0: 5000 } },
      limits: { perMinute: 100_000, perDay: 100_000 },
    },
    limits: { perMinute: 100_000, perDay: 100_000 },
  });
  user = await signUpUser(server);
  await connectXero(server, user, { email: 'contacts@example.com' });
});
afterAll(async () => server.stop());

const caller = () => server.callerFor(user.jar);
const demoTenant = () => must(server.emulator.control.organisations()[0]).tenantId;
const isFilledDefault = (phone: NonNullable<EmulatorContactJson['Phones']>[number]) =>
  phone.PhoneType === 'DEFAULT' && Boolean(phone.PhoneNumber);

describe('xero.contacts', () => {
  it('pages through all 5,000 contacts of an organisation with none lost or repeated', async () => {
    const seen = new Set<string>();
    let total = 0;
    let pageCount = 1;
    for (let page = 1; page <= pageCount; page += 1) {
      const result = await (await caller()).xero.contacts({ page, pageSize: 250, includeArchived: true });
      pageCount = result.pagination.pageCount;
      total = result.pagination.itemCount;
      for (const contact of result.contacts) seen.add(contact.id);
      expect(result.contacts.length).toBe(page < pageCount ? 250 : total - 250 * (pageCount - 1));
    }
    expect(total).toBe(5000);
    expect(pageCount).toBe(20);
    expect(seen.size).toBe(5000);
  });

  it('defaults to 50 a page, returns our DTO, and hides archived contacts unless asked', async () => {
    const active = await (await caller()).xero.contacts({});
    expect(active.pagination.pageSize).toBe(50);
    expect(Object.keys(active.contacts[0] ?? {}).sort()).toEqual([
      'contactPersons',
      'email',
      'firstName',
      'id',
      'isCustomer',
      'isSupplier',
      'lastName',
      'name',
      'phone',
      'status',
      'updatedAt',
      'website',
    ]);
    expect(active.contacts[0]?.updatedAt).toBeInstanceOf(Date);
    const all = await (await caller()).xero.contacts({ includeArchived: true, pageSize: 1000 });
    expect(all.pagination.itemCount).toBeGreaterThan(active.pagination.itemCount);
    const activeAll = await (await caller()).xero.contacts({ pageSize: 1000, page: 1 });
    expect(activeAll.contacts.every((contact) => contact.status !== 'ARCHIVED')).toBe(true);
  });

  it.each([
    ["o'brien", "O'Brien & Sons Ltd"],
    ['"quoted"', '"Quoted" Trading Co'],
    ['back\\slash', 'Back\\slash Analytics'],
    ['A && B', 'A && B Partners'],
    ['Name.Contains("x")', 'Name.Contains("x") Ltd'],
  ])('searches for %s literally, quotes, backslashes and && included', async (search, expected) => {
    const result = await (await caller()).xero.contacts({ search, includeArchived: true });
    expect(result.contacts.map((contact) => contact.name)).toContain(expected);
  });

  it('treats a search that looks like a query as text, finding nothing rather than everything', async () => {
    const result = await (await caller()).xero.contacts({ search: '" || Name != "', includeArchived: true });
    expect(result.pagination.itemCount).toBe(0);
  });

  it('shows only customers or only suppliers, as Xero marks them, with their own counts', async () => {
    // Live from Xero, "not archived" is what Xero lists without includeArchived (GDPR requests included).
    const truth = (await emulatorContacts(server, demoTenant())).filter(
      (contact) => contact.ContactStatus !== 'ARCHIVED',
    );
    for (const [role, marked] of [
      ['customers', (contact: EmulatorContactJson) => contact.IsCustomer === true],
      ['suppliers', (contact: EmulatorContactJson) => contact.IsSupplier === true],
    ] as const) {
      const expected = truth.filter(marked).map((contact) => contact.ContactID);
      expect(expected.length).toBeGreaterThan(0);
      expect(expected.length).toBeLessThan(truth.length);
      const ids: string[] = [];
      let pageCount = 1;
      for (let page = 1; page <= pageCount; page += 1) {
        const result = await (await caller()).xero.contacts({ role, page, pageSize: 1000 });
        expect(result.pagination.itemCount).toBe(expected.length);
        pageCount = result.pagination.pageCount;
        ids.push(...result.contacts.map((contact) => contact.id));
      }
      expect(ids.sort()).toEqual([...expected].sort());
    }
  });

  it("carries each contact's number to call and website in the list", async () => {
    const truth = await emulatorContacts(server, demoTenant());
    const withPhone = must(
      truth.find((contact) => contact.ContactStatus === 'ACTIVE' && contact.Phones?.some(isFilledDefault)),
    );
    const withWebsite = must(truth.find((contact) => contact.ContactStatus === 'ACTIVE' && contact.Website));
    const listed = (await (await caller()).xero.contacts({ pageSize: 1000 })).contacts;
    const phone = must(withPhone.Phones?.find(isFilledDefault));
    expect(listed.find((contact) => contact.id === withPhone.ContactID)?.phone).toEqual({
      type: 'DEFAULT',
      countryCode: phone.PhoneCountryCode ?? null,
      areaCode: phone.PhoneAreaCode ?? null,
      number: phone.PhoneNumber,
    });
    expect(listed.find((contact) => contact.id === withWebsite.ContactID)?.website).toBe(withWebsite.Website);
  });

  it("gives the organisation's address in Xero's web app, where each contact can be opened", async () => {
    const organisation = await (await caller()).xero.organisation();
    expect(organisation.xeroUrl).toBe(`${server.emulator.url}/app/${encodeURIComponent('!dEmO1')}`);
    // The status carries the kept copy from now on, so the contacts page needs no Xero call for it.
    expect((await (await caller()).xero.status()).organisation?.xeroUrl).toBe(organisation.xeroUrl);
    const plain = (await (await caller()).xero.contacts({ pageSize: 100 })).contacts.find((contact) =>
      /^[\w .-]+$/.test(contact.name),
    );
    const first = must(plain);
    const page = await fetch(must(xeroContactUrl(organisation.xeroUrl, first.id)));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(`<h1>${first.name}</h1>`);
    const missing = await fetch(must(xeroContactUrl(organisation.xeroUrl, '00000000-0000-4000-8000-000000000000')));
    expect(missing.status).toBe(404);
  });

  it('orders by an allow-listed order', async () => {
    const result = await (await caller()).xero.contacts({ order: 'updated_desc', pageSize: 30 });
    const times = result.contacts.map((contact) => contact.updatedAt?.getTime() ?? 0);
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('rejects bad input with field errors', async () => {
    // @ts-expect-error an order that is not on the allow-list
    const badOrder = await failureOf((await caller()).xero.contacts({ order: 'Name; DROP' }));
    expect(badOrder.code).toBe('BAD_REQUEST');
    expect((await failureOf((await caller()).xero.contacts({ pageSize: 1001 }))).code).toBe('BAD_REQUEST');
    expect((await failureOf((await caller()).xero.contacts({ page: 0 }))).code).toBe('BAD_REQUEST');
    // @ts-expect-error a role that is not one of the three
    expect((await failureOf((await caller()).xero.contacts({ role: 'IsCustomer==true' }))).code).toBe('BAD_REQUEST');
  });

  it('returns one contact, and a readable error for an unknown or malformed id', async () => {
    const [first] = (await (await caller()).xero.contacts({ pageSize: 1 })).contacts;
    const detail = await (await caller()).xero.contact({ id: first?.id ?? '' });
    expect(detail).toMatchObject({ id: first?.id, name: first?.name });
    expect(
      appCode(await failureOf((await caller()).xero.contact({ id: '00000000-0000-4000-8000-000000000000' }))),
    ).toBe('NOT_FOUND');
    expect((await failureOf((await caller()).xero.contact({ id: 'not-a-uuid' }))).code).toBe('BAD_REQUEST');
  });

  it('waits out a short 429 and retries; reports a long one as XERO_RATE_LIMITED with retryAfter', async () => {
    server.emulator.control.injectFaults({ kind: 429, count: 1, retryAfterSeconds: 1 });
    const started = Date.now();
    await expect((await caller()).xero.contacts({ pageSize: 1 })).resolves.toBeTruthy();
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);

    server.emulator.control.injectFaults({ kind: 429, count: 1, retryAfterSeconds: 45 });
    const limited = await failureOf((await caller()).xero.contacts({ pageSize: 1 }));
    expect(appCode(limited)).toBe('XERO_RATE_LIMITED');
    expect((limited.cause as { details?: { retryAfter?: number } }).details?.retryAfter).toBe(45);
    expect(limited.code).toBe('TOO_MANY_REQUESTS');

    // Xero's Retry-After now holds every later call for the organisation, without asking Xero again.
    const callsBefore = server.emulator.control.counters().apiCallsByTenant;
    const input = encodeURIComponent(JSON.stringify({ json: { pageSize: 1 } }));
    const overHttp = await fetch(`${server.url}/trpc/xero.contacts?input=${input}`, { headers: user.jar.headers() });
    expect(overHttp.status).toBe(429);
    expect(Number(overHttp.headers.get('retry-after'))).toBeGreaterThanOrEqual(40);
    expect(server.emulator.control.counters().apiCallsByTenant).toEqual(callsBefore);
    await server.db.db.delete(xeroOrgLimits);
  });

  it('answers XERO_UNAVAILABLE when Xero fails twice running (one retry), without Xero text', async () => {
    server.emulator.control.injectFaults({ kind: 503, count: 2 });
    const failure = await failureOf((await caller()).xero.contacts({ pageSize: 1 }));
    expect(appCode(failure)).toBe('XERO_UNAVAILABLE');
    expect(failure.message).not.toMatch(/Service Unavailable|xero api/i);
  });

  it("reports another tenant's 403 (the organisation was disconnected at Xero) as XERO_FORBIDDEN", async () => {
    const other = await signUpUser(server);
    await connectXero(server, other, { email: 'forbidden@example.com' });
    const [row] = await server.db.db.select().from(xeroConnections).where(eq(xeroConnections.userId, other.id));
    const tokens = openTokenSet(server.deps.xero.cipher, row?.tokenSetEnc ?? '');
    const headers = { authorization: `Bearer ${tokens.access_token}` };
    const [connection] = (await (await fetch(`${server.emulator.url}/connections`, { headers })).json()) as {
      id: string;
    }[];
    await fetch(`${server.emulator.url}/connections/${connection?.id}`, { method: 'DELETE', headers });
    expect(appCode(await failureOf(server.callerFor(other.jar).xero.contacts({})))).toBe('XERO_FORBIDDEN');
  });
});
