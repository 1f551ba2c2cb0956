import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * AES-256-GCM for secrets at rest (tokens, the client secret, PKCE verifiers), with key rotation: the
 * newest key encrypts, every listed key decrypts. Each ciphertext names its key by a short id, so a
 * rotation needs no migration: old rows keep decrypting until they are rewritten.
 * Format: `v1.<key id>.<iv>.<ciphertext+tag>`, base64url parts. The associated data binds a value
 * to its purpose, so a refresh token cannot be swapped into the client-secret column.
 */
const version = 'v1';

export class TokenCipherError extends Error {
  override name = 'TokenCipherError';
}

interface Key {
  id: string;
  secret: Buffer;
}

function parseKey(encoded: string): Buffer {
  const secret = Buffer.from(encoded.trim(), 'base64url');
  if (secret.length !== 32)
    throw new TokenCipherError('an encryption key must be 32 random bytes, base64url encoded (npm run keygen)');
  return secret;
}

const keyId = (secret: Buffer) => createHash('sha256').update(secret).digest('base64url').slice(0, 8);

export function generateKey(): string {
  return randomBytes(32).toString('base64url');
}

export class TokenCipher {
  private readonly keys: Key[];

  /** @param encodedKeys newest first */
  constructor(encodedKeys: string[]) {
    if (encodedKeys.length === 0) throw new TokenCipherError('at least one encryption key is required');
    this.keys = encodedKeys.map((encoded) => {
      const secret = parseKey(encoded);
      return { id: keyId(secret), secret };
    });
  }

  encrypt(plaintext: string, purpose: string): string {
    const [key] = this.keys;
    if (!key) throw new TokenCipherError('no encryption key');
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key.secret, iv);
    cipher.setAAD(Buffer.from(purpose));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return [version, key.id, iv.toString('base64url'), body.toString('base64url')].join('.');
  }

  decrypt(sealed: string, purpose: string): string {
    const [tag, id, ivText, bodyText] = sealed.split('.');
    const key = this.keys.find((candidate) => candidate.id === id);
    if (tag !== version || !key || !ivText || !bodyText)
      throw new TokenCipherError('cannot decrypt: unknown format or key');
    const body = Buffer.from(bodyText, 'base64url');
    try {
      const decipher = createDecipheriv('aes-256-gcm', key.secret, Buffer.from(ivText, 'base64url'));
      decipher.setAAD(Buffer.from(purpose));
      decipher.setAuthTag(body.subarray(body.length - 16));
      return Buffer.concat([decipher.update(body.subarray(0, body.length - 16)), decipher.final()]).toString('utf8');
    } catch {
      throw new TokenCipherError('cannot decrypt: the value was altered or belongs elsewhere');
    }
  }
}
