import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { XeroDb } from '../xero-db';
import type { XeroCallLimits } from './call-limits';
import { queryRows } from './query-rows';

export type LimitProblem = 'concurrent' | 'minute' | 'day' | 'appminute' | string;

export interface CallPermit {
  tenantId: string;
  slot: number;
}

export type Admission =
  { admitted: true; permit: CallPermit } | { admitted: false; problem: LimitProblem; waitMs: number };

// Our window is a second longer than Xero's minute: we count a call when it leaves, Xero when it
// arrives, so a call that left 60.0 s ago may still be inside Xero's window.
const windowMs = 61_000;
const pollMs = 60;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const nextUtcMidnight = (now: Date) =>
  Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1) - now.getTime();

interface AdmissionRow {
  slot: number | null;
  org_ok: boolean;
  app_ok: boolean;
}

interface OrgRow {
  now: Date | string;
  wait_until: Date | string | null;
  wait_problem: string | null;
  today: boolean;
  day_count: number;
  in_window: number;
  oldest: Date | string | null;
}

const time = (value: Date | string) => (value instanceof Date ? value : new Date(value)).getTime();

/**
 * Xero's limits, kept in PostgreSQL so that every process shares them: per organisation 5 calls in
 * flight (leased slot rows, taken with SKIP LOCKED, reclaimed when a dead process's lease expires), 60 in
 * any minute and 5,000 a day (one row per organisation, updated by an upsert that refuses past the
 * limit), a "wait until" that a 429 from Xero sets for everyone, and the app's 10,000 a minute. Each step
 * is one short statement; nothing is held open while Xero is called.
 */
export class RateGovernor {
  /** This process's name on the slots it holds. */
  private readonly holder = randomUUID();
  private readonly ensured = new Set<string>();
  /** Callers of this process line up per organisation, so only the head asks the database. */
  private readonly lines = new Map<string, Promise<void>>();
  private readonly wakers = new Map<string, () => void>();

  constructor(
    private readonly db: XeroDb,
    private readonly limits: XeroCallLimits,
  ) {}

  private async ensureSlots(tenantId: string): Promise<void> {
    if (this.ensured.has(tenantId)) return;
    await this.db.execute(sql`
      insert into xero_call_slots (tenant_id, slot)
      select ${tenantId}::text, g from generate_series(1, ${this.limits.concurrent}::int) g
      on conflict do nothing`);
    this.ensured.add(tenantId);
  }

  /** One attempt to be admitted: a slot, a place in the minute and the day, and the app's minute. */
  async tryAcquire(tenantId: string, clientId: string): Promise<Admission> {
    await this.ensureSlots(tenantId);
    const window = sql`(${windowMs}::double precision * interval '1 millisecond')`;
    const today = sql`(now() at time zone 'utc')::date`;
    const recent = sql`array(select c from unnest(o.recent_calls) c where c > now() - ${window})`;
    const perSecond = Math.max(1, Math.floor(this.limits.appPerMinute / 60));
    const [row] = await queryRows<AdmissionRow>(
      this.db,
      sql`
      with slot as (
        update xero_call_slots s
           set holder = ${this.holder}::text,
               leased_until = now() + (${this.limits.timeoutMs + 5000}::double precision * interval '1 millisecond')
         where (s.tenant_id, s.slot) = (
           select tenant_id, slot from xero_call_slots
            where tenant_id = ${tenantId}::text and slot <= ${this.limits.concurrent}::int
              and (holder is null or leased_until < now())
            order by slot limit 1
            for update skip locked)
        returning s.slot
      ), org as (
        insert into xero_org_limits as o (tenant_id, recent_calls, day, day_count)
        select ${tenantId}::text, array[now()], ${today}, 1 from slot
        on conflict (tenant_id) do update
           set recent_calls = ${recent} || now(),
               day = ${today},
               day_count = case when o.day = ${today} then o.day_count + 1 else 1 end
         where (o.wait_until is null or o.wait_until <= now())
           and cardinality(${recent}) < ${this.limits.perMinute}::int
           and (o.day <> ${today} or o.day_count < ${this.limits.perDay}::int)
        returning o.tenant_id
      ), app as (
        insert into xero_app_calls as a (client_id, second, count)
        select ${clientId}::text, floor(extract(epoch from now()))::bigint, 1 from org
        on conflict (client_id, second) do update set count = a.count + 1
         where a.count < ${perSecond}::int
        returning a.count
      )
      select (select slot from slot) as slot,
             exists (select 1 from org) as org_ok,
             exists (select 1 from app) as app_ok`,
    );
    const slot = row?.slot ?? null;
    if (slot !== null && row?.org_ok && row.app_ok) return { admitted: true, permit: { tenantId, slot } };
    if (slot !== null) await this.release({ tenantId, slot });
    if (slot === null) return { admitted: false, problem: 'concurrent', waitMs: pollMs };
    if (row?.org_ok) return { admitted: false, problem: 'appminute', waitMs: 1000 };
    return this.whyRefused(tenantId);
  }

  private async whyRefused(tenantId: string): Promise<Admission> {
    const window = sql`(${windowMs}::double precision * interval '1 millisecond')`;
    const [org] = await queryRows<OrgRow>(
      this.db,
      sql`
      select now() as now, wait_until, wait_problem,
             day = (now() at time zone 'utc')::date as today, day_count,
             cardinality(array(select c from unnest(recent_calls) c where c > now() - ${window})) as in_window,
             (select min(c) from unnest(recent_calls) c where c > now() - ${window}) as oldest
        from xero_org_limits where tenant_id = ${tenantId}::text`,
    );
    if (!org) return { admitted: false, problem: 'concurrent', waitMs: pollMs };
    const now = time(org.now);
    if (org.wait_until && time(org.wait_until) > now)
      return { admitted: false, problem: org.wait_problem ?? 'minute', waitMs: time(org.wait_until) - now };
    if (org.today && org.day_count >= this.limits.perDay)
      return { admitted: false, problem: 'day', waitMs: nextUtcMidnight(new Date(now)) };
    if (org.oldest && org.in_window >= this.limits.perMinute)
      return { admitted: false, problem: 'minute', waitMs: Math.max(pollMs, time(org.oldest) + windowMs - now) };
    return { admitted: false, problem: 'concurrent', waitMs: pollMs };
  }

  /**
   * Waits for admission until `deadline` (epoch ms). Returns the permit, or the refusal whose wait
   * would pass the deadline.
   */
  async acquire(tenantId: string, clientId: string, deadline: number): Promise<Admission> {
    const previous = this.lines.get(tenantId) ?? Promise.resolve();
    let leave = () => {};
    const mine = new Promise<void>((resolve) => (leave = resolve));
    const tail = previous.then(() => mine);
    this.lines.set(tenantId, tail);
    try {
      const headReached = await Promise.race([
        previous.then(() => true),
        sleep(Math.max(0, deadline - Date.now())).then(() => false),
      ]);
      if (!headReached) return { admitted: false, problem: 'concurrent', waitMs: pollMs };
      for (;;) {
        const admission = await this.tryAcquire(tenantId, clientId);
        if (admission.admitted) return admission;
        const remaining = deadline - Date.now();
        if (admission.waitMs > remaining) return admission;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, admission.waitMs + Math.random() * pollMs);
          this.wakers.set(tenantId, () => {
            clearTimeout(timer);
            resolve();
          });
        });
        this.wakers.delete(tenantId);
      }
    } finally {
      leave();
      if (this.lines.get(tenantId) === tail) this.lines.delete(tenantId);
    }
  }

  async release(permit: CallPermit): Promise<void> {
    await this.db.execute(sql`
      update xero_call_slots set holder = null, leased_until = null
       where tenant_id = ${permit.tenantId}::text and slot = ${permit.slot}::int and holder = ${this.holder}::text`);
    this.wakers.get(permit.tenantId)?.();
  }

  /** Xero said 429: every process waits until Retry-After has passed. */
  async noteRateLimited(tenantId: string, retryAfterSeconds: number, problem: string | null): Promise<void> {
    await this.db.execute(sql`
      insert into xero_org_limits as o (tenant_id, wait_until, wait_problem)
      values (${tenantId}::text, now() + (${retryAfterSeconds}::double precision * interval '1 second'), ${problem ?? 'minute'}::text)
      on conflict (tenant_id) do update
         set wait_until = greatest(coalesce(o.wait_until, now()), excluded.wait_until),
             wait_problem = excluded.wait_problem`);
  }

  /**
   * Reads Xero's X-DayLimit-Remaining and X-MinLimit-Remaining. Xero's count wins when it is nearer
   * the limit than ours (a Starter plan allows 1,000 a day; other apps of ours may share the tenant).
   */
  async observe(tenantId: string, headers: Record<string, string>): Promise<void> {
    const dayRemaining = Number(headers['x-daylimit-remaining']);
    const minuteRemaining = Number(headers['x-minlimit-remaining']);
    const dayLow = Number.isFinite(dayRemaining) && dayRemaining <= Math.max(1, this.limits.perDay * 0.05);
    const minuteOut = Number.isFinite(minuteRemaining) && minuteRemaining <= 0;
    if (!dayLow && !minuteOut) return;
    const window = sql`(${windowMs}::double precision * interval '1 millisecond')`;
    const dayUsed = dayLow ? this.limits.perDay - dayRemaining : 0;
    const minuteWait = sql`coalesce((select min(c) from unnest(o.recent_calls) c where c > now() - ${window}), now()) + ${window}`;
    await this.db.execute(sql`
      insert into xero_org_limits as o (tenant_id, day_count, wait_until, wait_problem)
      values (${tenantId}::text, ${dayUsed}::int,
              case when ${minuteOut}::boolean then now() + ${window} end,
              case when ${minuteOut}::boolean then 'minute' end)
      on conflict (tenant_id) do update
         set day_count = case when o.day = (now() at time zone 'utc')::date
                              then greatest(o.day_count, ${dayUsed}::int) else ${dayUsed}::int end,
             day = (now() at time zone 'utc')::date,
             wait_until = case when ${minuteOut}::boolean
                               then greatest(coalesce(o.wait_until, now()), ${minuteWait}) else o.wait_until end,
             wait_problem = case when ${minuteOut}::boolean then 'minute' else o.wait_problem end`);
  }
}
