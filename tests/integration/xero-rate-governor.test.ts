import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { defaultCallLimits, type XeroCallLimits } from '../../server/xero/calls/call-limits';
import { RateGovernor, type CallPermit } from '../../server/xero/calls/rate-governor';
import { createTestDb, type TestDb } from '../support/test-db';

// Each RateGovernor stands for one app process: its own holder id and its own in-memory line, sharing
// only the database, as processes of a fleet do.
let db: TestDb;
const limits = (overrides: Partial<XeroCallLimits> = {}): XeroCallLimits => ({ ...defaultCallLimits, ...overrides });
const permitsOf = (admissions: Awaited<ReturnType<RateGovernor['tryAcquire']>>[]) =>
  admissions.flatMap((admission) => (admission.admitted ? [admission.permit] : []));

beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => db.close());
beforeEach(async () => db.truncate());

describe('RateGovernor', () => {
  it('admits at most 5 calls in flight per organisation across processes, and a released slot is taken again', async () => {
    const fleet = [
      new RateGovernor(db.db, limits()),
      new RateGovernor(db.db, limits()),
      new RateGovernor(db.db, limits()),
    ];
    const admissions = await Promise.all(
      Array.from({ length: 12 }, (_, index) => fleet[index % 3]?.tryAcquire('org-a', 'app') ?? Promise.reject()),
    );
    const permits = permitsOf(admissions);
    expect(permits).toHaveLength(5);
    expect(new Set(permits.map((permit) => permit.slot)).size).toBe(5);
    expect(admissions.find((admission) => !admission.admitted)).toMatchObject({ problem: 'concurrent' });
    // Another organisation has slots of its own.
    expect((await fleet[0]?.tryAcquire('org-b', 'app'))?.admitted).toBe(true);
    const owner = fleet[admissions.findIndex((admission) => admission.admitted) % 3];
    await owner?.release(permits[0] as CallPermit);
    expect((await fleet[1]?.tryAcquire('org-a', 'app'))?.admitted).toBe(true);
  });

  it("reclaims a dead process's slots once their lease has passed", async () => {
    const dead = new RateGovernor(db.db, limits());
    for (let call = 0; call < 5; call += 1) expect((await dead.tryAcquire('org-a', 'app')).admitted).toBe(true);
    const survivor = new RateGovernor(db.db, limits());
    expect(await survivor.tryAcquire('org-a', 'app')).toMatchObject({ admitted: false, problem: 'concurrent' });
    // The dead process never releases; time passes beyond its lease.
    await db.db.execute(sql`update xero_call_slots set leased_until = now() - interval '1 second'`);
    expect((await survivor.tryAcquire('org-a', 'app')).admitted).toBe(true);
  });

  it('refuses past the minute limit and says how long until the oldest call leaves the window', async () => {
    const governor = new RateGovernor(db.db, limits({ perMinute: 3 }));
    for (let call = 0; call < 3; call += 1) {
      const admission = await governor.tryAcquire('org-a', 'app');
      if (admission.admitted) await governor.release(admission.permit);
    }
    const refused = await governor.tryAcquire('org-a', 'app');
    expect(refused).toMatchObject({ admitted: false, problem: 'minute' });
    expect(refused.admitted ? 0 : refused.waitMs).toBeGreaterThan(55_000);
    // A refused call holds no slot.
    const held = await db.db.execute(sql`select count(*)::int as held from xero_call_slots where holder is not null`);
    expect(JSON.stringify(held)).toContain('"held":0');
  });

  it('refuses past the daily limit until the next UTC day', async () => {
    const governor = new RateGovernor(db.db, limits({ perDay: 2 }));
    for (let call = 0; call < 2; call += 1) {
      const admission = await governor.tryAcquire('org-a', 'app');
      if (admission.admitted) await governor.release(admission.permit);
    }
    const refused = await governor.tryAcquire('org-a', 'app');
    expect(refused).toMatchObject({ admitted: false, problem: 'day' });
    const now = new Date();
    const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
    expect(Math.abs((refused.admitted ? 0 : refused.waitMs) - (midnight - Date.now()))).toBeLessThan(5000);
  });

  it('a 429 seen by one process makes the others wait until Retry-After has passed', async () => {
    const first = new RateGovernor(db.db, limits());
    const second = new RateGovernor(db.db, limits());
    await first.noteRateLimited('org-a', 20, 'minute');
    const refused = await second.tryAcquire('org-a', 'app');
    expect(refused).toMatchObject({ admitted: false, problem: 'minute' });
    expect(refused.admitted ? 0 : refused.waitMs).toBeGreaterThan(18_000);
    expect((await second.tryAcquire('org-b', 'app')).admitted).toBe(true);
  });

  it("keeps every 60 seconds under the app's limit with a cap per second", async () => {
    const governor = new RateGovernor(db.db, limits({ appPerMinute: 120, concurrent: 50 }));
    const admissions = await Promise.all(
      Array.from({ length: 5 }, (_, index) => governor.tryAcquire(`org-${index}`, 'app')),
    );
    // 120 a minute is 2 a second; five calls in the same second get two admissions, unless the second turned.
    expect(permitsOf(admissions).length).toBeLessThanOrEqual(4);
    expect(admissions.some((admission) => !admission.admitted && admission.problem === 'appminute')).toBe(true);
  });

  it('acquire() waits for a slot freed by another process, within the deadline, and gives up past it', async () => {
    const holder = new RateGovernor(db.db, limits({ concurrent: 1 }));
    const waiter = new RateGovernor(db.db, limits({ concurrent: 1 }));
    const held = await holder.tryAcquire('org-a', 'app');
    expect(held.admitted).toBe(true);
    expect((await waiter.acquire('org-a', 'app', Date.now() + 300)).admitted).toBe(false);
    const waiting = waiter.acquire('org-a', 'app', Date.now() + 5000);
    setTimeout(() => void (held.admitted && holder.release(held.permit)), 200);
    expect((await waiting).admitted).toBe(true);
  });
});
