import { eq } from 'drizzle-orm';
import { xeroConnections } from './schema';
import { loadConnection } from './connection-store';
import { deleteConnection } from './connections-api';
import { freshTokens } from './token-refresh';
import type { XeroDeps } from './xero-deps';

export interface DisconnectReport {
  /** Whether there was a connection to remove here. */
  disconnected: boolean;
  /** Organisations removed at Xero, and ones Xero had already forgotten. */
  removedAtXero: number;
  alreadyGoneAtXero: number;
  refreshTokenRevoked: boolean;
  /** True when Xero could not be reached: the local disconnect still happened. */
  xeroUnreachable: boolean;
}

/**
 * Disconnects the user: DELETE /connections/{id} for each organisation, revoke the refresh token, then
 * delete the local record. The local part always happens, even when Xero is down or forgot us.
 */
export async function disconnectXero(deps: XeroDeps, userId: string): Promise<DisconnectReport> {
  const loaded = await loadConnection(deps.db, userId);
  const report: DisconnectReport = {
    disconnected: false,
    removedAtXero: 0,
    alreadyGoneAtXero: 0,
    refreshTokenRevoked: false,
    xeroUnreachable: false,
  };
  if (!loaded) return report;
  const config = await deps.config.current();
  if (config && loaded.connection.status === 'active') {
    try {
      // One budget for everything said to Xero here: the local disconnect must not wait on a hung Xero.
      const deadline = deps.gate.deadline();
      const openIdClient = await deps.openId.get(config);
      const { tokenSet } = await freshTokens(deps, config, loaded.connection, { deadline });
      for (const tenant of loaded.tenants) {
        const outcome = await deleteConnection(
          deps.gate,
          config.apiUrl,
          tokenSet.access_token,
          tenant.xeroConnectionId,
          deadline,
        );
        if (outcome === 'deleted') report.removedAtXero += 1;
        else report.alreadyGoneAtXero += 1;
      }
      const refreshToken = tokenSet.refresh_token;
      if (refreshToken) {
        await deps.gate.identity(config.clientId, 'revoke token', deadline, () =>
          openIdClient.revoke(refreshToken, 'refresh_token'),
        );
        report.refreshTokenRevoked = true;
      }
    } catch {
      report.xeroUnreachable = true;
    }
  }
  await deps.db.delete(xeroConnections).where(eq(xeroConnections.id, loaded.connection.id));
  report.disconnected = true;
  return report;
}
