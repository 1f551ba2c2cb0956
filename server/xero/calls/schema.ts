import { sql } from 'drizzle-orm';
import { bigint, date, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { xeroConnections } from '../schema';

// Coordination for calls to Xero, shared by every process on the database: Xero's limits are per
// organisation and per app, not per process, and a refresh token may be spent only once.

/** Per organisation: calls in the last minute, today's count, and a "wait until" set by Xero's 429. */
export const xeroOrgLimits = pgTable('xero_org_limits', {
  tenantId: text().primaryKey(),
  /** Start times of the calls in the sliding minute window (at most the minute limit of them). */
  recentCalls: timestamp({ withTimezone: true })
    .array()
    .notNull()
    .default(sql`'{}'`),
  /** The UTC day `dayCount` counts. */
  day: date()
    .notNull()
    .default(sql`(now() at time zone 'utc')::date`),
  dayCount: integer().notNull().default(0),
  /** No process calls Xero for this organisation before this (Retry-After, or a used-up limit). */
  waitUntil: timestamp({ withTimezone: true }),
  /** Xero's X-Rate-Limit-Problem (or ours): 'minute', 'day', 'concurrent', 'appminute'. */
  waitProblem: text(),
});

/** Xero's 5 calls in flight per organisation, as leased rows: a slot held by a dead process expires. */
export const xeroCallSlots = pgTable(
  'xero_call_slots',
  {
    tenantId: text().notNull(),
    slot: integer().notNull(),
    holder: text(),
    leasedUntil: timestamp({ withTimezone: true }),
  },
  (table) => [primaryKey({ columns: [table.tenantId, table.slot] })],
);

/** Calls per app (client id) per second: a cap per second keeps every 60-second window under the app limit. */
export const xeroAppCalls = pgTable(
  'xero_app_calls',
  {
    clientId: text().notNull(),
    second: bigint({ mode: 'number' }).notNull(),
    count: integer().notNull().default(0),
  },
  (table) => [primaryKey({ columns: [table.clientId, table.second] })],
);

/** Who is refreshing a connection's tokens right now, and how long to back off after failures. */
export const xeroRefreshClaims = pgTable('xero_refresh_claims', {
  connectionId: uuid()
    .primaryKey()
    .references(() => xeroConnections.id, { onDelete: 'cascade' }),
  claimId: text(),
  claimedUntil: timestamp({ withTimezone: true }),
  failures: integer().notNull().default(0),
  /** After a failed refresh nobody tries again before this. */
  notBefore: timestamp({ withTimezone: true }),
});
