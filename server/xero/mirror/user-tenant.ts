import { AppError } from '../../../shared/errors';
import { loadConnection } from '../connection-store';
import { reauthRequired } from '../token-refresh';
import type { XeroDb } from '../xero-db';

/**
 * The organisation a signed-in user is looking at: the selected tenant of their own, working
 * connection. This is the only way a read reaches the mirror, so one user never sees an organisation
 * their connection does not include, and a connection that needs re-consent reads nothing.
 */
export async function userTenant(db: XeroDb, userId: string): Promise<{ connectionId: string; tenantId: string }> {
  const loaded = await loadConnection(db, userId);
  if (!loaded) throw new AppError('XERO_NOT_CONNECTED', 'Connect to Xero to continue.');
  if (loaded.connection.status !== 'active') throw reauthRequired();
  const selected = loaded.tenants.find((tenant) => tenant.selected) ?? loaded.tenants[0];
  if (!selected) throw new AppError('XERO_NOT_CONNECTED', 'Connect to Xero to continue.');
  return { connectionId: loaded.connection.id, tenantId: selected.tenantId };
}
