import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Xero signs each delivery: `x-xero-signature` is the base64 HMAC-SHA256 of the raw request body, keyed with
 * the app's webhook key. The check runs on the bytes as received (a re-serialised JSON would differ) and in
 * constant time, so the answer time tells an attacker nothing about how close a guess was.
 */
export function isXeroSignatureValid(rawBody: Buffer, signature: string | undefined, webhookKey: string): boolean {
  if (!signature) return false;
  const expected = createHmac('sha256', webhookKey).update(rawBody).digest();
  const given = Buffer.from(signature, 'base64');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
