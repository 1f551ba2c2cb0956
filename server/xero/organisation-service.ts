import { eq } from 'drizzle-orm';
import { xeroOrganisationProfiles, type XeroOrganisationProfile } from './organisation-schema';
import type { XeroDeps } from './xero-deps';
import type { XeroSession } from './xero-session';

export interface OrganisationView {
  tenantId: string;
  name: string;
  /** ISO 3166 two-letter code, as Xero gives it. */
  countryCode: string | null;
  /** ISO 4217 code of the organisation's base currency. */
  baseCurrency: string | null;
  /** The organisation in Xero's web app (see shared/xero-links.ts); null until its short code is known. */
  xeroUrl: string | null;
  fetchedAt: Date;
}

/** Organisation facts change rarely (a rename, a currency set once): a day-old copy is good enough. */
export const organisationMaxAgeMs = 24 * 60 * 60 * 1000;

const codeOrNull = (value: unknown): string | null =>
  typeof value === 'string' && /^[A-Z]{2,3}$/.test(value) ? value : null;

// Xero's short codes look like "!23eYt"; anything else is not put into a link.
const shortCodeOrNull = (value: unknown): string | null =>
  typeof value === 'string' && /^![A-Za-z0-9]{1,20}$/.test(value) ? value : null;

export function toOrganisationView(row: XeroOrganisationProfile, webUrl: string | null): OrganisationView {
  return {
    tenantId: row.tenantId,
    name: row.name,
    countryCode: row.countryCode,
    baseCurrency: row.baseCurrency,
    xeroUrl: webUrl && row.shortCode ? `${webUrl}/app/${encodeURIComponent(row.shortCode)}` : null,
    fetchedAt: row.fetchedAt,
  };
}

/**
 * The selected organisation's name, country and currency: from our copy while it is fresh, else from
 * Xero's Organisation endpoint (then kept). When Xero cannot answer, a stale copy beats an error.
 */
export async function organisationProfile(deps: XeroDeps, session: XeroSession): Promise<OrganisationView> {
  const [cached, config] = await Promise.all([
    deps.db.select().from(xeroOrganisationProfiles).where(eq(xeroOrganisationProfiles.tenantId, session.tenantId)),
    deps.config.current(),
  ]).then(([[row], current]) => [row, current] as const);
  const toView = (row: XeroOrganisationProfile) => toOrganisationView(row, config?.webUrl ?? null);
  if (cached && deps.now().getTime() - cached.fetchedAt.getTime() < organisationMaxAgeMs) return toView(cached);
  let organisation;
  try {
    const response = await session.call((client, tenantId) => client.accountingApi.getOrganisations(tenantId));
    organisation = response.body.organisations?.[0];
  } catch (error) {
    if (cached) return toView(cached);
    throw error;
  }
  const row = {
    tenantId: session.tenantId,
    name: organisation?.name ?? session.tenant.name,
    countryCode: codeOrNull(organisation?.countryCode),
    baseCurrency: codeOrNull(organisation?.baseCurrency),
    shortCode: shortCodeOrNull(organisation?.shortCode),
    fetchedAt: deps.now(),
  };
  await deps.db
    .insert(xeroOrganisationProfiles)
    .values(row)
    .onConflictDoUpdate({ target: xeroOrganisationProfiles.tenantId, set: row });
  return toView(row);
}
