import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type RunningTestServer } from '../support/test-app';

function builtSpa(): string {
  const dir = mkdtempSync(join(tmpdir(), 'spa-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>spa index</title>');
  writeFileSync(join(dir, 'assets', 'index-abc.js'), 'console.log(1)\n//# sourceMappingURL=index-abc.js.map');
  writeFileSync(join(dir, 'assets', 'index-abc.js.map'), '{"version":3,"sources":["../src/secret-source.tsx"]}');
  return dir;
}

describe('in production over https', () => {
  let server: RunningTestServer;
  beforeAll(async () => {
    // The browser reaches it as https behind a proxy; the test speaks plain HTTP to the process.
    server = await startTestServer({ spaDir: builtSpa(), app: { isProduction: true } });
  });
  afterAll(async () => server.stop());

  it('does not serve source maps, not even through the SPA fallback', async () => {
    expect((await fetch(`${server.url}/assets/index-abc.js`)).status).toBe(200);
    const map = await fetch(`${server.url}/assets/index-abc.js.map`);
    expect(map.status).toBe(404);
    expect(await map.text()).not.toContain('secret-source');
  });
});

describe('HSTS', () => {
  it('is sent in production when PUBLIC_URL is https, and not otherwise', async () => {
    const httpsProduction = await startTestServer({
      app: { isProduction: true, publicUrl: 'https://app.example' },
    });
    const development = await startTestServer();
    try {
      const secure = await fetch(`${httpsProduction.url}/healthz`);
      expect(secure.headers.get('strict-transport-security')).toMatch(/^max-age=\d{8,}/);
      expect((await fetch(`${development.url}/healthz`)).headers.get('strict-transport-security')).toBeNull();
    } finally {
      await httpsProduction.stop();
      await development.stop();
    }
  });
});

describe("a route's own headers", () => {
  let server: RunningTestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server.stop());

  it('keep the OAuth callback at Referrer-Policy: no-referrer (the spent code and state never leak)', async () => {
    const callback = await fetch(`${server.url}/xero/callback?code=spent&state=spent`, { redirect: 'manual' });
    expect(callback.status).toBe(302);
    expect(callback.headers.get('referrer-policy')).toBe('no-referrer');
    expect((await fetch(`${server.url}/healthz`)).headers.get('referrer-policy')).toBe('same-origin');
  });
});
