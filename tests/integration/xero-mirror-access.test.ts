import { and, eq } from 'drizzle-orm';
import { must } from '../support/must';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { xeroConnections, xeroTenants } from '../../server/db/schema';
import { openTokenSet } from '../../server/xero/stored-token-set';
import { checkConnectionsHealth } from '../../server/xero/sync/health-check';
import { emulatorContacts, type EmulatorContactJson } from '../support/emulator-contacts';
import { mirrorRows, syncedAfter, syncState } from '../support/mirror-sync';
import { startTestServer, type RunningTestServer } from '../support/test-app';
import { appCodeOf } from '../support/trpc-failures';
import { connectXero, signUpUser, type TestUser } from '../support/xero-connect';

let server: RunningTestServer;
let orgA: string;
let orgB: string;
let orgC: string;
let alice: TestUser;
let ångström: { contactId: string };

beforeAll(async () => {
  server = await startTestServer({
    emulator: { seed: { contactsPerOrganisation: 40, contactsByOrganisation: { 0: 600 } } },
    syncJobs: { intervalMs: 5 * 60_000, keepAliveDays: 7 },
  });
  [orgA, orgB, orgC] = server.emulator.control.organisations().map((organisation) => organisation.tenantId) as [
    string,
    string,
    string,
  ];
  ångström = server.emulator.control.addContact(orgA, {
    name: 'Ångströmsberg Instruments',
    firstName: 'Anders',
    lastName: 'Ångström',
    emailAddress: 'lab@angstrom-instruments.example',
  });
  alice = await signUpUser(server);
  await connectXero(server, alice, { tenantIds: [orgA], email: 'alice@example.com' });
  await server.callerFor(alice.jar).xero.syncStatus();
  await syncedAfter(server, orgA);
});
afterAll(async () => server.stop());

const contactsOf = async (user: TestUser, search: string) =>
  (await server.callerFor(user.jar).xero.contacts({ search, pageSize: 100, includeArchived: true })).contacts;
const idsFor = async (user: TestUser, search: string) => (await contactsOf(user, search)).map((contact) => contact.id);

/** Someone removes the app from an organisation inside Xero, as Xero's own UI would: Xero tells us nothing. */
async function removeInXero(user: TestUser, tenantId: string): Promise<void> {
  const [connection] = await server.db.db.select().from(xeroConnections).where(eq(xeroConnections.userId, user.id));
  const [tenant] = await server.db.db
    .select()
    .from(xeroTenants)
    .where(and(eq(xeroTenants.connectionId, must(connection).id), eq(xeroTenants.tenantId, tenantId)));
  const accessToken = openTokenSet(server.deps.xero.cipher, must(connection).tokenSetEnc).access_token;
  const response = await fetch(`${server.emulator.url}/connections/${must(tenant).xeroConnectionId}`, {
    method: 'DELETE',
    headers: { authorization: `Bearer ${accessToken}` },
  });
  expect(response.status).toBe(204);
}

describe('search over the mirror', () => {
  it('ignores case and accents and finds substrings: "ångström", "ANGSTROM" and "gstr" find the same contact', async () => {
    const accented = await idsFor(alice, 'ångström');
    expect(accented).toContain(ångström.contactId);
    expect(accented.length).toBeGreaterThan(1);
    expect(await idsFor(alice, 'ANGSTROM')).toEqual(accented);
    expect(await idsFor(alice, 'gstr')).toEqual(expect.arrayContaining(accented));
    for (const term of ['ångströmsberg', 'ANGSTROMSBERG', 'gströmsb', 'ÅNGSTRÖMSBERG INSTR', 'angstrom-instr']) {
      expect(await idsFor(alice, term), term).toEqual([ångström.contactId]);
    }
  });

  it("looks in the name, first and last name, email, contact number, and contact persons' names and emails", async () => {
    const rows = await mirrorRows(server, orgA);
    const person = must(rows.find((row) => row.firstName && row.lastName && row.email && row.contactNumber));
    const company = must(rows.find((row) => row.persons.some((p) => p.firstName && p.email)));
    const contactPerson = must(company.persons.find((p) => p.firstName && p.email));
    const cases: [string, string, string][] = [
      ['name', person.name.slice(1, -1), person.contactId],
      ['first name', must(person.firstName), person.contactId],
      ['last name', must(person.lastName).toUpperCase(), person.contactId],
      ['email', must(person.email).slice(2, -3), person.contactId],
      ['contact number', must(person.contactNumber), person.contactId],
      ['person name', `${contactPerson.firstName}`, company.contactId],
      ['person email', must(contactPerson.email).split('@')[1] ?? '', company.contactId],
    ];
    for (const [field, term, id] of cases) {
      const found = await contactsOf(alice, term);
      expect(
        found.map((contact) => contact.id),
        `${field}: ${term}`,
      ).toContain(id);
      // Every hit really contains the term somewhere (no false positives from the index).
      const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
      for (const contact of found) {
        const row = must(rows.find((candidate) => candidate.contactId === contact.id));
        const haystack = [row.name, row.firstName, row.lastName, row.email, row.contactNumber, row.personsText];
        expect(fold(haystack.filter(Boolean).join(' '))).toContain(fold(term));
      }
    }
    expect(await contactsOf(alice, 'no-such-contact-anywhere')).toEqual([]);
    // LIKE's wildcards in a search are plain characters.
    expect(await contactsOf(alice, '%')).toEqual([]);
  });

  it('sorts by name and by last update, both ways, with stable pages', async () => {
    const caller = server.callerFor(alice.jar);
    const byName = await caller.xero.contacts({ order: 'name_asc', pageSize: 1000 });
    // Names as people read them: Xero keeps a leading space as typed, and it must not put "Zoe" before "Ada".
    expect(byName.contacts.some((contact) => contact.name.startsWith(' '))).toBe(true);
    const names = byName.contacts.map((contact) => contact.name.trim().toLowerCase());
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
    const desc = await caller.xero.contacts({ order: 'name_desc', pageSize: 1000 });
    expect(desc.contacts.map((contact) => contact.id)).toEqual(byName.contacts.map((contact) => contact.id).reverse());
    const newest = await caller.xero.contacts({ order: 'updated_desc', pageSize: 1000 });
    const times = newest.contacts.map((contact) => must(contact.updatedAt).getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const oldest = await caller.xero.contacts({ order: 'updated_asc', pageSize: 1000 });
    expect(oldest.contacts.map((contact) => contact.id)).toEqual(
      newest.contacts.map((contact) => contact.id).reverse(),
    );
    const pages = [];
    for (let page = 1; page <= 6; page += 1)
      pages.push(...(await caller.xero.contacts({ page, pageSize: 100 })).contacts);
    expect(pages.map((contact) => contact.id)).toEqual(byName.contacts.map((contact) => contact.id));
  });
});

describe('filters over the mirror', () => {
  it('shows only customers or only suppliers, counted exactly (archived or not), alone or within a search', async () => {
    const everyone = await emulatorContacts(server, orgA);
    const truth = everyone.filter((contact) => contact.ContactStatus === 'ACTIVE');
    const caller = server.callerFor(alice.jar);
    for (const [role, marked] of [
      ['customers', (contact: EmulatorContactJson) => contact.IsCustomer === true],
      ['suppliers', (contact: EmulatorContactJson) => contact.IsSupplier === true],
    ] as const) {
      const expected = truth.filter(marked);
      expect(expected.length).toBeGreaterThan(0);
      expect(expected.length).toBeLessThan(truth.length);
      const listed = await caller.xero.contacts({ role, pageSize: 1000 });
      expect(listed.pagination.itemCount).toBe(expected.length);
      expect(listed.countCapped).toBe(false);
      expect(listed.contacts.map((contact) => contact.id).sort()).toEqual(
        expected.map((contact) => contact.ContactID).sort(),
      );
      const withArchived = await caller.xero.contacts({ role, includeArchived: true, pageSize: 1000 });
      expect(withArchived.pagination.itemCount).toBe(withArchived.contacts.length);
      expect(withArchived.contacts.length).toBe(
        everyone.filter((contact) => contact.ContactStatus !== 'GDPRREQUEST' && marked(contact)).length,
      );
      const searched = await caller.xero.contacts({ role, search: 'ltd', pageSize: 1000 });
      const expectedLtd = expected.filter((contact) => contact.Name.toLowerCase().includes('ltd'));
      expect(searched.contacts.map((contact) => contact.id).sort()).toEqual(
        expectedLtd.map((contact) => contact.ContactID).sort(),
      );
    }
  });

  it('counts only what it lists: archived included, a GDPR request never', async () => {
    const truth = await emulatorContacts(server, orgA);
    expect(truth.some((contact) => contact.ContactStatus === 'GDPRREQUEST')).toBe(true);
    const listed = await server.callerFor(alice.jar).xero.contacts({ includeArchived: true, pageSize: 1000 });
    expect(listed.pagination.itemCount).toBe(listed.contacts.length);
    expect(listed.contacts.length).toBe(truth.filter((contact) => contact.ContactStatus !== 'GDPRREQUEST').length);
  });

  it("carries each contact's number to call and website in the list, as the live list does", async () => {
    const truth = await emulatorContacts(server, orgA);
    const listed = (await server.callerFor(alice.jar).xero.contacts({ pageSize: 1000 })).contacts;
    const withPhone = must(listed.find((contact) => contact.phone !== null));
    const phone = must(must(truth.find((contact) => contact.ContactID === withPhone.id)).Phones?.[0]);
    expect(withPhone.phone).toEqual({
      type: 'DEFAULT',
      number: phone.PhoneNumber,
      countryCode: phone.PhoneCountryCode ?? null,
      areaCode: phone.PhoneAreaCode ?? null,
    });
    const withWebsite = must(truth.find((contact) => contact.ContactStatus === 'ACTIVE' && contact.Website));
    expect(listed.find((contact) => contact.id === withWebsite.ContactID)?.website).toBe(withWebsite.Website);
  });
});

describe('who sees an organisation', () => {
  it("keeps another user's organisation invisible", async () => {
    const bob = await signUpUser(server);
    await connectXero(server, bob, { tenantIds: [orgB], email: 'bob@example.com' });
    await server.callerFor(bob.jar).xero.syncStatus();
    await syncedAfter(server, orgB);
    expect(await idsFor(bob, 'ångströmsberg')).toEqual([]);
    const bobs = await contactsOf(bob, '');
    const alices = new Set((await mirrorRows(server, orgA)).map((row) => row.contactId));
    expect(bobs.length).toBeGreaterThan(0);
    expect(bobs.some((contact) => alices.has(contact.id))).toBe(false);
    await expect(server.callerFor(bob.jar).xero.contact({ id: ångström.contactId })).rejects.toSatisfy(
      (error) => appCodeOf(error) === 'NOT_FOUND',
    );
    expect((await server.callerFor(bob.jar).xero.syncStatus()).tenantId).toBe(orgB);
  });

  it('deletes the mirror of an organisation when its last connection here ends, not before', async () => {
    const carol = await signUpUser(server);
    await connectXero(server, carol, { tenantIds: [orgA], email: 'carol@example.com' });
    await server.callerFor(alice.jar).xero.disconnect();
    expect((await mirrorRows(server, orgA)).length).toBe(601);
    await server.callerFor(carol.jar).xero.disconnect();
    expect(await mirrorRows(server, orgA)).toEqual([]);
    expect(await syncState(server, orgA)).toBeUndefined();
  });
});

describe('re-consent', () => {
  it('keeps the mirror of organisations it still includes and deletes the one it leaves out', async () => {
    const erin = await signUpUser(server);
    await connectXero(server, erin, { tenantIds: [orgB, orgC], email: 'erin@example.com' });
    await server.deps.xero.sync.requestSync(orgC);
    await syncedAfter(server, orgC);
    const keptB = (await mirrorRows(server, orgB)).length;
    expect((await mirrorRows(server, orgC)).length).toBeGreaterThan(0);
    // C is disconnected inside Xero, then the same user consents again, to B only: Xero lists B alone,
    // and nobody here reaches C any more.
    await removeInXero(erin, orgC);
    await connectXero(server, erin, { tenantIds: [orgB], email: 'erin@example.com' });
    expect(await mirrorRows(server, orgC)).toEqual([]);
    expect((await mirrorRows(server, orgB)).length).toBe(keptB);
  });
});

describe('the daily connection health check', () => {
  it('finds organisations disconnected inside Xero, and the status says so', async () => {
    const dave = await signUpUser(server);
    await connectXero(server, dave, { tenantIds: [orgB, orgC], email: 'dave@example.com' });
    await removeInXero(dave, orgC);
    expect((await server.callerFor(dave.jar).xero.status()).tenants).toHaveLength(2);

    expect(await checkConnectionsHealth(server.deps.xero)).toMatchObject({ removedOrganisations: 1, failed: 0 });
    const status = await server.callerFor(dave.jar).xero.status();
    expect(status.tenants.map((tenant) => tenant.tenantId)).toEqual([orgB]);
    expect(status.needsReauth).toBe(false);

    await removeInXero(dave, orgB);
    expect(await checkConnectionsHealth(server.deps.xero)).toMatchObject({ removedOrganisations: 1, needReauth: 1 });
    expect((await server.callerFor(dave.jar).xero.status()).needsReauth).toBe(true);
    // Bob still reaches B, so its mirror stays.
    expect((await mirrorRows(server, orgB)).length).toBeGreaterThan(0);
  });
});
