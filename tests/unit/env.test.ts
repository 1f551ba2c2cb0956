import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EnvError, loadEnv } from '../../server/env';
import { generateKey } from '../../server/crypto/token-cipher';

const randomSecret = () => randomBytes(32).toString('base64url');

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
    const base = { NODE_ENV: 'production', DATA_DIR: tempDataDir(), SESSION_SECRET: randomSecret() };
    expect(() => loadEnv(base)).toThrow(/TOKEN_ENCRYPTION_KEY: required in production/);
    const keys = [generateKey(), generateKey()].join(',');
    expect(loadEnv({ ...base, TOKEN_ENCRYPTION_KEY: keys }).tokenEncryptionKeys).toHaveLength(2);
  });

  it('derives the Xero redirect URI from PUBLIC_URL and defaults to Xero itself', () => {
    const env = loadEnv({ DATA_DIR: tempDataDir(), PUBLIC_URL: 'https://app.example' });
    expect(env.xero).toMatchObject({
      redirectUri: 'https://app.example/xero/callback',
      identityUrl: 'https://identity.xero.com',
      apiUrl: 'https://api.xero.com',
      webUrl: 'https://go.xero.com',
      clientId: undefined,
    });
    expect(env.xero.scopes).toContain('offline_access');
  });

  it('trims a trailing slash from PUBLIC_URL', () => {
    expect(loadEnv({ DATA_DIR: tempDataDir(), PUBLIC_URL: 'https://app.example/' }).publicUrl).toBe(
      'https://app.example',
    );
  });

  describe('in production, refuses secrets that could be guessed, naming the variable', () => {
    const production = (values: Record<string, string>) => ({
      NODE_ENV: 'production',
      DATA_DIR: tempDataDir(),
      SESSION_SECRET: randomSecret(),
      TOKEN_ENCRYPTION_KEY: generateKey(),
      ...values,
    });

    it.each([
      ['SESSION_SECRET', 'x'.repeat(40), /repeats one character/],
      ['SESSION_SECRET', 'changeme-changeme-changeme-changeme', /placeholder/],
      ['SESSION_SECRET', 'your-session-secret-goes-here-please', /placeholder/],
      ['SESSION_SECRET', 'abcdefghijklmnopqrstuvwxyz0123456789', /run like/],
      ['SESSION_SECRET', 'a1b2a1b2a1b2a1b2a1b2a1b2a1b2a1b2a1b2', /pattern repeated/],
      ['SESSION_SECRET', 'abaabbbababbababbaabababbbaaabbbabab', /too little randomness/],
      ['TOKEN_ENCRYPTION_KEY', 'a'.repeat(43), /repeats one character/],
      ['TOKEN_ENCRYPTION_KEY', 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ', /run like/],
      ['TOKEN_ENCRYPTION_KEY', `${generateKey()},${'b'.repeat(43)}`, /\(key 2\): repeats one character/],
    ])('%s=%s', (name, value, reason) => {
      expect(() => loadEnv(production({ [name]: value }))).toThrow(new RegExp(`${name}.*${reason.source}`));
    });

    it('accepts random values, and development keeps accepting anything well-formed', () => {
      for (let trial = 0; trial < 200; trial += 1) expect(() => loadEnv(production({}))).not.toThrow();
      expect(loadEnv({ DATA_DIR: tempDataDir(), SESSION_SECRET: 'x'.repeat(40) }).sessionSecret).toBe('x'.repeat(40));
    });
  });

  it('reads TRUST_PROXY as off by default, true, or a list of proxy addresses', () => {
    expect(loadEnv({ DATA_DIR: tempDataDir() }).trustProxy).toBe(false);
    expect(loadEnv({ DATA_DIR: tempDataDir(), TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadEnv({ DATA_DIR: tempDataDir(), TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).trustProxy).toBe(
      '10.0.0.0/8, 127.0.0.1',
    );
    expect(() => loadEnv({ DATA_DIR: tempDataDir(), TRUST_PROXY: 'yes please' })).toThrow(/TRUST_PROXY:/);
  });
});
