import type { XeroGate } from './calls/xero-gate';
import { XeroFailure, XeroHttpError } from './xero-failure';

/**
 * Xero's /connections, called with our own fetch (xero-node hard-codes https://api.xero.com for it),
 * through the gate: a deadline that aborts, and a failure in the log.
 */
export interface XeroConnectionInfo {
  id: string;
  authEventId: string;
  tenantId: string;
  tenantType: string;
  tenantName: string;
}

export async function listConnections(
  gate: XeroGate,
  apiUrl: string,
  accessToken: string,
  deadline = gate.deadline(),
): Promise<XeroConnectionInfo[]> {
  return gate.plain('list connections', deadline, async (signal) => {
    const response = await fetch(`${apiUrl}/connections`, {
      headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' },
      signal,
    });
    if (!response.ok) throw new XeroHttpError(response.status, response.headers);
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      body = null;
    }
    if (!Array.isArray(body))
      throw new XeroFailure('bad_response', {
        status: response.status,
        reason: 'no connections list',
        contentType: response.headers.get('content-type'),
      });
    return body.map((item: Record<string, unknown>) => ({
      id: String(item.id ?? ''),
      authEventId: String(item.authEventId ?? ''),
      tenantId: String(item.tenantId ?? ''),
      tenantType: String(item.tenantType ?? ''),
      tenantName: String(item.tenantName ?? ''),
    }));
  });
}

/** DELETE /connections/{id}: 'gone' when Xero had already forgotten it. */
export async function deleteConnection(
  gate: XeroGate,
  apiUrl: string,
  accessToken: string,
  xeroConnectionId: string,
  deadline = gate.deadline(),
): Promise<'deleted' | 'gone'> {
  return gate.plain('delete connection', deadline, async (signal) => {
    const response = await fetch(`${apiUrl}/connections/${encodeURIComponent(xeroConnectionId)}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${accessToken}` },
      signal,
    });
    if (response.status === 404) return 'gone';
    if (!response.ok) throw new XeroHttpError(response.status, response.headers);
    return 'deleted';
  });
}
