import { AppError } from '../../../shared/errors';
import { loadConnection } from '../connection-store';
import type { XeroDeps } from '../xero-deps';
import type { MirrorChange } from './change-feed';

/**
 * The changes of one organisation for a subscriber, authorised as a query would be: only an organisation
 * the user's own connection includes. The check runs before the stream starts, so a refusal is an ordinary
 * error with its status; a user who disconnects is refused when the page resubscribes.
 */
export async function watchChanges(
  deps: XeroDeps,
  userId: string,
  tenantId: string,
  signal: AbortSignal | undefined,
): Promise<AsyncGenerator<MirrorChange>> {
  const loaded = await loadConnection(deps.db, userId);
  if (!loaded?.tenants.some((tenant) => tenant.tenantId === tenantId)) {
    throw new AppError('NOT_FOUND', 'That organisation is not connected to your account.');
  }
  return deps.changes.changesOf(tenantId, signal);
}
