import { describe, expect, it } from 'vitest';
import { generateKey, TokenCipher, TokenCipherError } from '../../server/crypto/token-cipher';

describe('TokenCipher', () => {
  const oldKey = generateKey();
  const newKey = generateKey();

  it('round-trips, never shows the plaintext, and uses a fresh IV each time', () => {
    const cipher = new TokenCipher([newKey]);
    const first = cipher.encrypt('refresh-token-value', 'xero.token_set');
    const second = cipher.encrypt('refresh-token-value', 'xero.token_set');
    expect(first).not.toContain('refresh-token-value');
    expect(first).not.toBe(second);
    expect(cipher.decrypt(first, 'xero.token_set')).toBe('refresh-token-value');
  });

  it('rotates keys: the newest encrypts, older keys still decrypt, stale values are recognised', () => {
    const before = new TokenCipher([oldKey]).encrypt('secret', 'p');
    const rotated = new TokenCipher([newKey, oldKey]);
    expect(rotated.decrypt(before, 'p')).toBe('secret');
    // New values are sealed with the newest key alone: a reader holding only that key opens them.
    expect(new TokenCipher([newKey]).decrypt(rotated.encrypt('secret', 'p'), 'p')).toBe('secret');
    expect(() => new TokenCipher([newKey]).decrypt(before, 'p')).toThrow(TokenCipherError);
  });

  it('refuses tampering and a value moved to another purpose', () => {
    const cipher = new TokenCipher([newKey]);
    const sealed = cipher.encrypt('client-secret', 'xero.client_secret');
    const parts = sealed.split('.');
    const body = Buffer.from(parts[3] ?? '', 'base64url');
    body[0] = (body[0] ?? 0) ^ 1;
    const tampered = [...parts.slice(0, 3), body.toString('base64url')].join('.');
    expect(() => cipher.decrypt(tampered, 'xero.client_secret')).toThrow(TokenCipherError);
    expect(() => cipher.decrypt(sealed, 'xero.token_set')).toThrow(TokenCipherError);
  });

  it('refuses keys that are not 32 bytes', () => {
    expect(() => new TokenCipher(['too-short'])).toThrow(/32 random bytes/);
    expect(() => new TokenCipher([])).toThrow(TokenCipherError);
  });
});
