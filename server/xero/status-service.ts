import { eq } from 'drizzle-orm';
import { connectionHealth, type ConnectionHealth } from './connection-health';
import { loadConnection } from './connection-store';
import { xeroOrganisationProfiles } from './organisation-schema';
import { toOrganisationView, type OrganisationView } from './organisation-service';
import type { XeroDeps } from './xero-deps';

export interface XeroStatus {
  configured: boolean;
  usingEmulator: boolean;
  /** A connection exists (it may still need reconnecting: see `health`). */
  connected: boolean;
  /** The grant no longer works; never shown as "connected". Same as `health === 'needs_reconnect'`. */
  needsReauth: boolean;
  /** Null when there is no connection. */
  health: ConnectionHealth | null;
  identity: { xeroUserId: string; email: string; givenName: string; familyName: string } | null;
  selectedTenant: { tenantId: string; name: string; type: string } | null;
  /** What Xero last told us about the selected organisation (kept copy; may be missing until first read). */
  organisation: OrganisationView | null;
  tenants: { tenantId: string; name: string; type: string; selected: boolean }[];
  /** Meaningful only while healthy: a revoked grant's token expiry says nothing. */
  accessTokenExpiresAt: Date | null;
  scopes: string[];
  linkedXeroUserId: string | null;
  connectedAt: Date | null;
}

/** The signed-in user's connection as every page shows it: stored data only, no Xero call. */
export async function xeroStatus(deps: XeroDeps, userId: string): Promise<XeroStatus> {
  const config = await deps.config.current();
  const loaded = await loadConnection(deps.db, userId);
  const base = { configured: config !== null, usingEmulator: config?.source === 'emulator' };
  if (!loaded) {
    return {
      ...base,
      connected: false,
      needsReauth: false,
      health: null,
      identity: null,
      selectedTenant: null,
      organisation: null,
      tenants: [],
      accessTokenExpiresAt: null,
      scopes: [],
      linkedXeroUserId: null,
      connectedAt: null,
    };
  }
  const { connection, tenants } = loaded;
  const tenantViews = tenants.map((tenant) => ({
    tenantId: tenant.tenantId,
    name: tenant.tenantName,
    type: tenant.tenantType,
    selected: tenant.selected,
  }));
  const selected = tenantViews.find((tenant) => tenant.selected) ?? null;
  const health = connectionHealth({ connectionStatus: connection.status });
  return {
    ...base,
    connected: true,
    needsReauth: health === 'needs_reconnect',
    health,
    identity: {
      xeroUserId: connection.xeroUserId,
      email: connection.email,
      givenName: connection.givenName,
      familyName: connection.familyName,
    },
    selectedTenant: selected ? { tenantId: selected.tenantId, name: selected.name, type: selected.type } : null,
    organisation: selected ? await cachedOrganisation(deps, selected.tenantId) : null,
    tenants: tenantViews,
    accessTokenExpiresAt: health === 'needs_reconnect' ? null : connection.accessTokenExpiresAt,
    scopes: connection.scopes,
    linkedXeroUserId: connection.linkedXeroUserId,
    connectedAt: connection.authorisedAt,
  };
}

/** The selected tenant is always one of the user's own, so this reads only their organisation. */
async function cachedOrganisation(deps: XeroDeps, tenantId: string): Promise<OrganisationView | null> {
  const [row] = await deps.db
    .select()
    .from(xeroOrganisationProfiles)
    .where(eq(xeroOrganisationProfiles.tenantId, tenantId));
  return row ? toOrganisationView(row, (await deps.config.current())?.webUrl ?? null) : null;
}
