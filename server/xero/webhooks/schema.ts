import { index, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';

/**
 * The webhook inbox: each contact event Xero delivered for an organisation someone here is connected to,
 * stored once. Xero redelivers until it gets a 200 and may repeat an event, so the natural key
 * (organisation, record, type, time) makes a replay a no-op; `processedAt` is set once the record is fetched.
 */
export const xeroWebhookEvents = pgTable(
  'xero_webhook_events',
  {
    id: uuid().primaryKey().defaultRandom(),
    tenantId: text().notNull(),
    resourceId: text().notNull(),
    eventCategory: text().notNull(),
    eventType: text().notNull(),
    eventDateUtc: timestamp({ withTimezone: true }).notNull(),
    receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    processedAt: timestamp({ withTimezone: true }),
  },
  (table) => [
    unique().on(table.tenantId, table.resourceId, table.eventType, table.eventDateUtc),
    index().on(table.tenantId, table.processedAt),
  ],
);
export type XeroWebhookEvent = typeof xeroWebhookEvents.$inferSelect;
