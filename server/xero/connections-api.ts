import { XeroHttpError } from './xero-failure';

/**
 * Xero's /connections, called with our own fetch: xero-node hard-codes https://api.xero.com for it.
 */
export interface XeroConnectionInfo {
  id: string;
  authEventId: string;
  tenantId: string;
  tenantType: string;
  tenantName: string;
}

const timeoutMs = 10_000;

export async function listConnections(apiUrl: string, accessToken: string): Promise<XeroConnectionInfo[]> {
  const response = await fetch(`${apiUrl}/connections`, {
    headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' },
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (!response.ok) throw new XeroHttpError(response.status, response.headers);
  const body = (await response.json()) as unknown;
  if (!Array.isArray(body)) throw new XeroHttpError(502, response.headers);
  return body.map((item: Record<string, unknown>) => ({
    id: String(item.id ?? ''),
    authEventId: String(item.authEventId ?? ''),
    tenantId: String(item.tenantId ?? ''),
    tenantType: String(item.tenantType ?? ''),
    tenantName: String(item.tenantName ?? ''),
  }));
}

/** DELETE /connections/{id}: 'gone' when Xero had already forgotten it. */
export async function deleteConnection(
  apiUrl: string,
  accessToken: string,
  xeroConnectionId: string,
): Promise<'deleted' | 'gone'> {
  const response = await fetch(`${apiUrl}/connections/${encodeURIComponent(xeroConnectionId)}`, {
    method: 'DELETE',
    headers: { authorization: `Bearer ${accessToken}` },
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (response.status === 404) return 'gone';
  if (!response.ok) throw new XeroHttpError(response.status, response.headers);
  return 'deleted';
}
