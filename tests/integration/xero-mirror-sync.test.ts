import { must } from '../support/must';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeps } from '../../server/create-deps';
import type { AppDeps } from '../../server/app-deps';
import { startJobQueue, stopJobQueue, type JobQueue } from '../../server/jobs/job-queue';
import { apiCalls, mirrorRows, syncedAfter, syncState } from '../support/mirror-sync';
import { xeroOrgLimits } from '../../server/db/schema';
import { startTestServer, type RunningTestServer } from '../support/test-app';
import { connectXero, signUpUser, type TestUser } from '../support/xero-connect';
import { waitFor } from '../support/wait-for';

// 4,500 contacts: five pages of 1,000. Three calls a day lets a first sync store three pages and then
// meet Xero's 429 for the day (a wait too long to sit out), which is how it stops half-way here.
let server: RunningTestServer;
let user: TestUser;
let tenantId: string;
// The sync jobs of the process that runs them now: the server's, then the restarted one's.
let sync: AppDeps['xero']['sync'];
let restartedQueue: JobQueue | null = null;

beforeAll(async () => {
  server = await startTestServer({
    emulator: { seed: { contactsPerOrganisation: 20, contactsByOrganisation: { 0: 4500 } }, limits: { perDay: 3 } },
    syncJobs: { intervalMs: 5 * 60_000, keepAliveDays: 7 },
  });
  tenantId = server.emulator.control.organisations()[0]?.tenantId ?? '';
  sync = server.deps.xero.sync;
  user = await signUpUser(server);
  await connectXero(server, user, { tenantIds: [tenantId] });
});
afterAll(async () => {
  if (restartedQueue) await stopJobQueue(restartedQueue);
  await server.stop();
});

const caller = () => server.callerFor(user.jar);
/** Xero's day turns over: its counts and ours (which every process shares in the database) start again. */
const newXeroDay = async () => {
  server.emulator.control.resetLimits();
  await server.db.db.delete(xeroOrgLimits);
};

describe('the first sync of an organisation', () => {
  it('stops at a failure with its pages kept, says why, and resumes after a restart from the next page', async () => {
    const before = apiCalls(server, tenantId);
    const status = await (await caller()).xero.syncStatus();
    expect(status.state).toBe('never_synced');
    const failed = await waitFor('the rate-limited first sync', async () => {
      const state = await syncState(server, tenantId);
      return state?.lastError ? state : undefined;
    });
    expect(failed).toMatchObject({ pagesDone: 3, nextPage: 4, pagesTotal: 5, contactsDone: 3000, contactsTotal: 4500 });
    // Three pages answered; the emulator counts only the calls it admits, not the refused fourth.
    expect(apiCalls(server, tenantId) - before).toBe(3);
    expect((await mirrorRows(server, tenantId)).length).toBe(3000);
    const failing = await (await caller()).xero.syncStatus();
    expect(failing).toMatchObject({ state: 'failing', mirrorReady: false });
    expect(failing.reason).toMatch(/daily limit for Demo Company \(Global\) is used up; it resets in/);
    expect(must(failing.nextRunAt).getTime()).toBeGreaterThan(Date.now());
    // Until the first sync is done, contacts are read live from Xero.
    await newXeroDay();
    const live = apiCalls(server, tenantId);
    await (await caller()).xero.contacts({ pageSize: 10 });
    expect(apiCalls(server, tenantId) - live).toBe(1);

    // The process stops; another on the same database (a restart) picks the sync up where it stopped.
    await stopJobQueue(must(server.jobs));
    await newXeroDay();
    // Counted before the restarted process starts: it may take the stopped process's queued sync at once.
    const resumedFrom = apiCalls(server, tenantId);
    const restarted = createDeps(server.db.db, server.depsConfig);
    restartedQueue = await startJobQueue(server.db, () => {});
    await restarted.xero.sync.start(restartedQueue);
    sync = restarted.xero.sync;
    // A sync the stopped process had queued is run by this one; otherwise this asks for one.
    await sync.requestSync(tenantId);
    const done = await syncedAfter(server, tenantId);
    expect(done).toMatchObject({
      phase: 'incremental',
      pagesDone: 5,
      contactsDone: 4500,
      failures: 0,
      lastError: null,
    });
    expect(done.initialDoneAt).not.toBeNull();
    expect(apiCalls(server, tenantId) - resumedFrom).toBe(2);
  });

  it('holds every contact, archived included, and reads come from the mirror with no Xero call', async () => {
    const organisation = server.emulator.control.organisations()[0];
    const rows = await mirrorRows(server, tenantId);
    expect(rows.length).toBe(4500);
    expect(rows.length).toBe(organisation?.contactCount);
    const archived = rows.filter((row) => row.status === 'ARCHIVED');
    expect(archived.length).toBeGreaterThan(100);
    // Contacts under a GDPR request are kept without personal data and never listed.
    const forgotten = rows.filter((row) => row.status === 'GDPRREQUEST').length;

    const before = apiCalls(server, tenantId);
    const tokenCalls = server.emulator.control.counters().tokenEndpointCalls;
    const active = await (await caller()).xero.contacts({ pageSize: 100 });
    const all = await (await caller()).xero.contacts({ pageSize: 100, includeArchived: true });
    const detail = await (await caller()).xero.contact({ id: must(archived[0]).contactId });
    expect(active.pagination.itemCount).toBe(4500 - archived.length - forgotten);
    expect(all.pagination.itemCount).toBe(4500 - forgotten);
    expect(detail.status).toBe('ARCHIVED');
    // A search with thousands of matches stops counting at 1,000 and says so.
    const common = await (await caller()).xero.contacts({ search: '.example', pageSize: 100 });
    expect(common).toMatchObject({ countCapped: true, pagination: { itemCount: 1000, pageCount: 10 } });
    expect(active.countCapped).toBe(false);
    expect(apiCalls(server, tenantId)).toBe(before);
    expect(server.emulator.control.counters().tokenEndpointCalls).toBe(tokenCalls);
    const status = await (await caller()).xero.syncStatus();
    expect(status).toMatchObject({
      state: 'up_to_date',
      mirrorReady: true,
      contactCount: 4500 - archived.length - forgotten,
    });
  });
});

describe('the incremental sync', () => {
  it('picks up a created, an updated and an archived contact, in one call', async () => {
    const control = server.emulator.control;
    await newXeroDay();
    const rows = await mirrorRows(server, tenantId);
    const [toUpdate, toArchive] = rows.filter((row) => row.status === 'ACTIVE').map((row) => must(row));
    if (!toUpdate || !toArchive) throw new Error('expected two active contacts');
    control.advanceClock(1);
    const created = control.addContact(tenantId, { name: 'Zephyr Brand-New Ltd', emailAddress: 'new@zephyr.example' });
    control.updateContact(tenantId, toUpdate.contactId, { name: 'Renamed Contact Ltd' });
    control.archiveContact(tenantId, toArchive.contactId);

    const started = new Date();
    const before = apiCalls(server, tenantId);
    expect(await sync.requestSync(tenantId)).toBe(true);
    const state = await syncedAfter(server, tenantId, started);
    expect(apiCalls(server, tenantId) - before).toBe(1);
    expect(must(state.cursor).getTime()).toBeGreaterThanOrEqual(created.updatedAt);

    const byId = new Map((await mirrorRows(server, tenantId)).map((row) => [row.contactId, row]));
    expect(byId.get(created.contactId)).toMatchObject({ name: 'Zephyr Brand-New Ltd', email: 'new@zephyr.example' });
    expect(byId.get(toUpdate.contactId)?.name).toBe('Renamed Contact Ltd');
    expect(byId.get(toArchive.contactId)?.status).toBe('ARCHIVED');
    const search = await (await caller()).xero.contacts({ search: 'renamed contact' });
    expect(search.contacts.map((contact) => contact.id)).toEqual([toUpdate.contactId]);
    const archivedGone = await (await caller()).xero.contacts({ search: toArchive.name });
    expect(archivedGone.contacts.map((contact) => contact.id)).not.toContain(toArchive.contactId);
  });

  it('keeps no personal data of a contact under a GDPR request', async () => {
    const control = server.emulator.control;
    const [row] = (await mirrorRows(server, tenantId)).filter(
      (candidate) => candidate.email && candidate.status === 'ACTIVE',
    );
    const erased = must(row);
    control.advanceClock(1);
    control.updateContact(tenantId, erased.contactId, { status: 'GDPRREQUEST' });
    const started = new Date();
    expect(await sync.requestSync(tenantId)).toBe(true);
    await syncedAfter(server, tenantId, started);
    const stored = must(
      (await mirrorRows(server, tenantId)).find((candidate) => candidate.contactId === erased.contactId),
    );
    expect(stored).toMatchObject({ status: 'GDPRREQUEST', name: '', firstName: null, lastName: null, email: null });
    expect(stored).toMatchObject({
      contactNumber: null,
      website: null,
      persons: [],
      phones: [],
      addresses: [],
      personsText: '',
    });
    expect(await (await caller()).xero.contacts({ search: erased.name, includeArchived: true })).toMatchObject({
      contacts: expect.not.arrayContaining([expect.objectContaining({ id: erased.contactId })]),
    });
  });

  it('deduplicates Sync now: a second request while one is queued or just done queues nothing', async () => {
    const first = await (await caller()).xero.syncNow();
    const second = await (await caller()).xero.syncNow();
    expect(first.queued).toBe(false);
    expect(second.queued).toBe(false);
    expect(first.status.state).toBe('up_to_date');
  });
});
