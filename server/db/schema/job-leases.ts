import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** A lease per background job, so one process at a time runs it (across processes and restarts). */
export const jobLeases = pgTable('job_leases', {
  name: text().primaryKey(),
  holder: text().notNull(),
  leaseUntil: timestamp({ withTimezone: true }).notNull(),
});
