import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startDevEmulator } from '../../server/dev-emulator';
import { loadEnv } from '../../server/env';
import { generateKey } from '../../server/crypto/token-cipher';

const dataDir = () => mkdtempSync(join(tmpdir(), 'dev-emulator-'));

describe('the built-in emulator in development', () => {
  it('starts when no Xero app is configured, registered for our redirect URI', async () => {
    const emulator = await startDevEmulator(loadEnv({ DATA_DIR: dataDir(), PUBLIC_URL: 'http://localhost:4321' }));
    try {
      expect(emulator?.config).toMatchObject({
        source: 'emulator',
        redirectUri: 'http://localhost:4321/xero/callback',
      });
      const discovery = await fetch(`${emulator?.config.identityUrl}/.well-known/openid-configuration`);
      expect(((await discovery.json()) as { issuer: string }).issuer).toBe(emulator?.config.identityUrl);
    } finally {
      await emulator?.close();
    }
  });

  it('never starts in production, nor when the environment configures a Xero app', async () => {
    const production = loadEnv({
      NODE_ENV: 'production',
      DATA_DIR: dataDir(),
      SESSION_SECRET: randomBytes(32).toString('base64url'),
      TOKEN_ENCRYPTION_KEY: generateKey(),
    });
    expect(await startDevEmulator(production)).toBeNull();
    expect(
      await startDevEmulator(loadEnv({ DATA_DIR: dataDir(), XERO_CLIENT_ID: 'REAL', XERO_CLIENT_SECRET: 'secret' })),
    ).toBeNull();
  });
});
