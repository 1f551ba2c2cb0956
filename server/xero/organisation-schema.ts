import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * What Xero says about an organisation (its Organisation endpoint), kept so the home page can show it
 * without calling Xero on every view. Keyed by tenant id: the same for every connection to it, and only
 * read through a user's own connection's tenants.
 */
export const xeroOrganisationProfiles = pgTable('xero_organisation_profiles', {
  tenantId: text().primaryKey(),
  name: text().notNull(),
  countryCode: text(),
  baseCurrency: text(),
  /** Xero's ShortCode ("!23eYt"): names the organisation in links into Xero's web app. */
  shortCode: text(),
  fetchedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
export type XeroOrganisationProfile = typeof xeroOrganisationProfiles.$inferSelect;
