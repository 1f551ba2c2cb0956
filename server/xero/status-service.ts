import type { XeroDeps } from './xero-deps';
import { loadConnection } from './connection-store';

export interface XeroStatus {
  configured: boolean;
  usingEmulator: boolean;
  connected: boolean;
  needsReauth: boolean;
  identity: { xeroUserId: string; email: string; givenName: string; familyName: string } | null;
  selectedTenant: { tenantId: string; name: string; type: string } | null;
  tenants: { tenantId: string; name: string; type: string; selected: boolean }[];
  accessTokenExpiresAt: Date | null;
  scopes: string[];
  linkedXeroUserId: string | null;
  connectedAt: Date | null;
}

/** The Xero page's view of the signed-in user's connection: built from stored data only, no Xero call. */
export async function xeroStatus(deps: XeroDeps, userId: string): Promise<XeroStatus> {
  const config = await deps.config.current();
  const loaded = await loadConnection(deps.db, userId);
  const base = { configured: config !== null, usingEmulator: config?.source === 'emulator' };
  if (!loaded) {
    return {
      ...base,
      connected: false,
      needsReauth: false,
      identity: null,
      selectedTenant: null,
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
  return {
    ...base,
    connected: true,
    needsReauth: connection.status !== 'active',
    identity: {
      xeroUserId: connection.xeroUserId,
      email: connection.email,
      givenName: connection.givenName,
      familyName: connection.familyName,
    },
    selectedTenant: selected ? { tenantId: selected.tenantId, name: selected.name, type: selected.type } : null,
    tenants: tenantViews,
    accessTokenExpiresAt: connection.accessTokenExpiresAt,
    scopes: connection.scopes,
    linkedXeroUserId: connection.linkedXeroUserId,
    connectedAt: connection.authorisedAt,
  };
}
