import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

// The contacts mirror: one copy per organisation (tenant), shared by every connection to it. A user
// reaches it only through their own connection's tenants. When the last connection to an organisation
// goes, a deferred trigger (migration 0007) deletes its rows here.

export interface MirrorPerson {
  firstName: string | null;
  lastName: string | null;
  email: string | null;
}
export interface MirrorPhone {
  type: string;
  number: string;
  /** Xero's PhoneCountryCode and PhoneAreaCode; absent in rows synced before they were kept. */
  countryCode?: string | null;
  areaCode?: string | null;
}
export interface MirrorAddress {
  type: string;
  city: string | null;
  country: string | null;
}

export const xeroMirrorContacts = pgTable(
  'xero_mirror_contacts',
  {
    tenantId: text().notNull(),
    contactId: uuid().notNull(),
    name: text().notNull(),
    firstName: text(),
    lastName: text(),
    email: text(),
    contactNumber: text(),
    website: text(),
    /** ACTIVE, ARCHIVED or GDPRREQUEST (a GDPR request keeps no personal data here). */
    status: text().notNull(),
    isCustomer: boolean().notNull().default(false),
    isSupplier: boolean().notNull().default(false),
    persons: jsonb().$type<MirrorPerson[]>().notNull().default([]),
    phones: jsonb().$type<MirrorPhone[]>().notNull().default([]),
    addresses: jsonb().$type<MirrorAddress[]>().notNull().default([]),
    /** Xero's UpdatedDateUTC: the incremental sync's cursor is the largest one stored. */
    updatedDateUtc: timestamp({ withTimezone: true, precision: 3 }).notNull(),
    /** The persons' names and emails as one text, so the search column can include them. */
    personsText: text().notNull().default(''),
    /**
     * Case- and accent-folded name, the sort key for "by name". Trimmed: Xero keeps a name as typed, and
     * one typed with a leading space would otherwise sort before every "A".
     */
    nameKey: text()
      .notNull()
      .generatedAlwaysAs(sql`xero_fold(btrim(name))`),
    /** Everything search looks at, folded; a trigram index makes substring search fast. */
    searchText: text()
      .notNull()
      .generatedAlwaysAs(
        // concat_ws() is not IMMUTABLE, so the fields are joined with ||, which is.
        sql`xero_fold(name || ' ' || coalesce(first_name, '') || ' ' || coalesce(last_name, '') || ' ' || coalesce(email, '') || ' ' || coalesce(contact_number, '') || ' ' || persons_text)`,
      ),
    syncedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.contactId] }),
    index('xero_mirror_contacts_name_idx').on(table.tenantId, table.nameKey, table.contactId),
    index('xero_mirror_contacts_updated_idx').on(table.tenantId, table.updatedDateUtc, table.contactId),
    // Without fastupdate: a bulk sync would otherwise leave a long pending list that every search scans
    // until a vacuum merges it, and PGlite has no autovacuum.
    index('xero_mirror_contacts_search_idx')
      .using('gin', table.searchText.op('gin_trgm_ops'))
      .with({ fastupdate: false }),
  ],
);
export type XeroMirrorContact = typeof xeroMirrorContacts.$inferSelect;

export const syncPhases = ['initial', 'incremental'] as const;
export type SyncPhase = (typeof syncPhases)[number];

/** Where each organisation's sync stands: phase, resume point, cursor, progress and health. */
export const xeroSyncStates = pgTable('xero_sync_states', {
  tenantId: text().primaryKey(),
  phase: text({ enum: syncPhases }).notNull().default('initial'),
  /** Set once the first full sync has stored every page: from then on reads come from the mirror. */
  initialDoneAt: timestamp({ withTimezone: true }),
  /** Initial sync: the next page to fetch (pages before it are stored), so a restart resumes there. */
  nextPage: integer().notNull().default(1),
  pagesDone: integer().notNull().default(0),
  pagesTotal: integer(),
  contactsDone: integer().notNull().default(0),
  contactsTotal: integer(),
  /** If-Modified-Since for the next incremental sync; moved only after a page is stored. */
  cursor: timestamp({ withTimezone: true, precision: 3 }),
  /** When the running sync began; null when none runs. */
  runningSince: timestamp({ withTimezone: true }),
  /** Contacts in the mirror after the last stored page, active and all: an unfiltered list needs no count. */
  activeCount: integer().notNull().default(0),
  storedCount: integer().notNull().default(0),
  /** The same counts of customers and of suppliers: a list filtered by role needs none either. */
  activeCustomers: integer().notNull().default(0),
  storedCustomers: integer().notNull().default(0),
  activeSuppliers: integer().notNull().default(0),
  storedSuppliers: integer().notNull().default(0),
  /** When the latest sync began: a job queued before that has nothing left to do. */
  lastStartedAt: timestamp({ withTimezone: true }),
  lastSuccessAt: timestamp({ withTimezone: true }),
  nextRunAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  lastError: text(),
  lastErrorAt: timestamp({ withTimezone: true }),
  /** Consecutive failures: the back-off grows with it, for this organisation only. */
  failures: integer().notNull().default(0),
  /** The daily health check found the organisation disconnected inside Xero. */
  removedInXeroAt: timestamp({ withTimezone: true }),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
export type XeroSyncState = typeof xeroSyncStates.$inferSelect;
