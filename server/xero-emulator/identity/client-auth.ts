import { timingSafeEqual } from 'node:crypto';
import type { EmulatorClient } from '../options';
import { OAuthError } from './authorization-server';

const sameSecret = (a: string, b: string) => {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
};

// RFC 6749 §2.3.1: the id and secret are form-urlencoded before base64 in the Basic header.
const formDecode = (value: string) => decodeURIComponent(value.replace(/\+/g, ' '));

/** client_secret_basic or client_secret_post, as Xero accepts both. */
export function authenticateClient(
  clients: EmulatorClient[],
  authorization: string | undefined,
  body: Record<string, string>,
): EmulatorClient {
  let clientId = body.client_id;
  let clientSecret = body.client_secret;
  if (authorization?.toLowerCase().startsWith('basic ')) {
    const decoded = Buffer.from(authorization.slice(6).trim(), 'base64').toString('utf8');
    const separator = decoded.indexOf(':');
    if (separator < 0) throw new OAuthError('invalid_client', 401);
    clientId = formDecode(decoded.slice(0, separator));
    clientSecret = formDecode(decoded.slice(separator + 1));
  }
  const client = clients.find((candidate) => candidate.clientId === clientId);
  if (!client || clientSecret === undefined || !sameSecret(client.clientSecret, clientSecret))
    throw new OAuthError('invalid_client', 401);
  return client;
}
