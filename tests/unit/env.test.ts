import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EnvError, loadEnv } from '../../server/env';

const tempDataDir = () => mkdtempSync(join(tmpdir(), 'env-'));

describe('loadEnv', () => {
  it('starts with no configuration in development, generating secrets once into the data folder', () => {
    const dataDir = tempDataDir();
    const first = loadEnv({ DATA_DIR: dataDir });
    const second = loadEnv({ DATA_DIR: dataDir });
    expect(first.port).toBe(3000);
    expect(first.databaseUrl).toBeUndefined();
    expect(first.sessionSecret.length).toBeGreaterThanOrEqual(32);
    expect(second.sessionSecret).toBe(first.sessionSecret);
    expect(existsSync(join(dataDir, 'dev-secrets.json'))).toBe(true);
    expect(readFileSync(join(dataDir, 'dev-secrets.json'), 'utf8')).toContain(first.sessionSecret);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
    [{ PUBLIC_URL: 'ftp://x' }, 'PUBLIC_URL'],
    [{ SESSION_SECRET: 'short' }, 'SESSION_SECRET'],
    [{ TOKEN_ENCRYPTION_KEY: 'not-a-key' }, 'TOKEN_ENCRYPTION_KEY'],
    [{ XERO_CLIENT_ID: 'ABC' }, 'XERO_CLIENT_SECRET'],
    [{ XERO_CLIENT_SECRET: 'secret' }, 'XERO_CLIENT_ID'],
    [{ XERO_IDENTITY_URL: 'not a url' }, 'XERO_IDENTITY_URL'],
    [{ XERO_SCOPES: 'openid, email' }, 'XERO_SCOPES'],
    [{ XERO_KEEPALIVE_DAYS: '90' }, 'XERO_KEEPALIVE_DAYS'],
    [{ XERO_SYNC_INTERVAL: 'often' }, 'XERO_SYNC_INTERVAL'],
    [{ XERO_SYNC_INTERVAL: '10s' }, 'XERO_SYNC_INTERVAL'],
  ])('stops on %o with a message naming %s', (values, name) => {
    expect(() => loadEnv({ DATA_DIR: tempDataDir(), ...values })).toThrow(EnvError);
    expect(() => loadEnv({ DATA_DIR: tempDataDir(), ...values })).toThrow(new RegExp(`${name}:`));
  });

  it('reads XERO_SYNC_INTERVAL in seconds, minutes or hours, 5 minutes by default', () => {
    expect(loadEnv({ DATA_DIR: tempDataDir() }).xero.syncIntervalMs).toBe(300_000);
    expect(loadEnv({ DATA_DIR: tempDataDir(), XERO_SYNC_INTERVAL: '90' }).xero.syncIntervalMs).toBe(90_000);
    expect(loadEnv({ DATA_DIR: tempDataDir(), XERO_SYNC_INTERVAL: '2m' }).xero.syncIntervalMs).toBe(120_000);
    expect(loadEnv({ DATA_DIR: tempDataDir(), XERO_SYNC_INTERVAL: '1h' }).xero.syncIntervalMs).toBe(3_600_000);
  });

  it('requires SESSION_SECRET in production and generates nothing there', () => {
    const dataDir = tempDataDir();
    expect(() => loadEnv({ NODE_ENV: 'production', DATA_DIR: dataDir })).toThrow(
      /SESSION_SECRET: required in production/,
    );
    expect(existsSync(join(dataDir, 'dev-secrets.json'))).toBe(false);
  });

  it('requires TOKEN_ENCRYPTION_KEY in production and accepts a rotated list', () => {
    const base = { NODE_ENV: 'production', DATA_DIR: tempDataDir(), SESSION_SECRET: 'x'.repeat(40) };
    expect(() => loadEnv(base)).toThrow(/TOKEN_ENCRYPTION_KEY: required in production/);
    const keys = ['a'.repeat(43), 'b'.repeat(43)].join(',');
    expect(loadEnv({ ...base, TOKEN_ENCRYPTION_KEY: keys }).tokenEncryptionKeys).toHaveLength(2);
  });

  it('derives the Xero redirect URI from PUBLIC_URL and defaults to Xero itself', () => {
    const env = loadEnv({ DATA_DIR: tempDataDir(), PUBLIC_URL: 'https://app.example' });
    expect(env.xero).toMatchObject({
      redirectUri: 'https://app.example/xero/callback',
      identityUrl: 'https://identity.xero.com',
      apiUrl: 'https://api.xero.com',
      clientId: undefined,
    });
    expect(env.xero.scopes).toContain('offline_access');
  });

  it('trims a trailing slash from PUBLIC_URL', () => {
    expect(loadEnv({ DATA_DIR: tempDataDir(), PUBLIC_URL: 'https://app.example/' }).publicUrl).toBe(
      'https://app.example',
    );
  });
});
