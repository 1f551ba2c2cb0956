import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spaDir } from '../../server/spa-build';
import { startTsProcess, waitForGone, waitForHealthy } from '../support/server-process';
import { freePort } from '../support/test-app';

describe('npm start on a fresh machine', () => {
  it('serves the app on embedded PGlite and the built-in Xero emulator with no configuration at all', async () => {
    const port = await freePort();
    const dataDir = mkdtempSync(join(tmpdir(), 'fresh-data-'));
    const server = startTsProcess('server/main.ts', [], { PORT: String(port), DATA_DIR: dataDir });
    const url = `http://127.0.0.1:${port}`;
    try {
      await waitForHealthy(url, Date.now() + 90_000);
      const page = await fetch(`${url}/sign-in`);
      expect(await page.text()).toContain('<div id="root">');
      expect(server.output()).toContain(`Ready on http://localhost:${port}`);
      expect(server.output()).toContain('embedded PGlite');
      expect(server.output()).toContain('Using the built-in Xero emulator');
      const discovery = /emulator at (http:\/\/127\.0\.0\.1:\d+)/.exec(server.output())?.[1];
      expect((await fetch(`${discovery}/.well-known/openid-configuration`)).status).toBe(200);
    } finally {
      await server.stop();
    }
    // Stopping the test's process group stops the server itself, not only a wrapper around it.
    expect(await waitForGone(url, Date.now() + 5000)).toBe(true);
  }, 120_000);

  it('names the credentials really in use: saved ones win over the built-in emulator', async () => {
    const port = await freePort();
    const dataDir = mkdtempSync(join(tmpdir(), 'saved-data-'));
    const env = { PORT: String(port), DATA_DIR: dataDir };
    const configure = startTsProcess(
      'server/cli/xero-configure.ts',
      ['--client-id', 'SAVEDCLIENT01', '--client-secret', 'a-saved-secret'],
      env,
    );
    expect(await configure.exited).toBe(0);
    const server = startTsProcess('server/main.ts', ['--no-spa'], env);
    try {
      await waitForHealthy(`http://127.0.0.1:${port}`, Date.now() + 90_000);
      expect(server.output()).toContain('the app saved in Settings (client id SAVEDCLIENT01)');
      expect(server.output()).not.toContain('Using the built-in Xero emulator');
      expect(server.output()).not.toContain('a-saved-secret');
    } finally {
      await server.stop();
    }
  }, 120_000);
});

describe('npm run dev', () => {
  it('stops both of its servers when only the parent is signalled', async () => {
    const port = await freePort();
    let apiPort = await freePort();
    while (apiPort === port) apiPort = await freePort();
    const dataDir = mkdtempSync(join(tmpdir(), 'dev-data-'));
    const dev = startTsProcess('server/cli/dev.ts', [], {
      PORT: String(port),
      API_PORT: String(apiPort),
      DATA_DIR: dataDir,
    });
    try {
      await waitForHealthy(`http://127.0.0.1:${apiPort}`, Date.now() + 90_000);
      await waitForHealthy(`http://localhost:${port}`, Date.now() + 60_000, '/');
      // SIGTERM to the parent alone, as a process manager or `kill <pid>` sends it.
      process.kill(dev.child.pid ?? 0, 'SIGTERM');
      await dev.exited;
      expect(await waitForGone(`http://127.0.0.1:${apiPort}/healthz`, Date.now() + 10_000)).toBe(true);
      expect(await waitForGone(`http://localhost:${port}/`, Date.now() + 10_000)).toBe(true);
    } finally {
      await dev.stop();
    }
  }, 150_000);
});

describe('the built SPA', () => {
  it('is a production build even when built under the test runner', () => {
    const assets = join(spaDir, 'assets');
    const scripts = readdirSync(assets).filter((name) => name.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts)
      expect(readFileSync(join(assets, script), 'utf8')).not.toContain('Download the React DevTools');
  });
});
