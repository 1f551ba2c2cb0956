import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot, spaDir } from '../../server/spa-build';
import { freePort } from '../support/test-app';

async function waitForHealthy(url: string, deadline: number): Promise<Response> {
  for (;;) {
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return response;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not become healthy in time`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('npm start on a fresh machine', () => {
  it('serves the app on embedded PGlite and the built-in Xero emulator with no configuration at all', async () => {
    const port = await freePort();
    const dataDir = mkdtempSync(join(tmpdir(), 'fresh-data-'));
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      PORT: String(port),
      DATA_DIR: dataDir,
    };
    const child = spawn('npm', ['start'], { cwd: projectRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      const url = `http://127.0.0.1:${port}`;
      await waitForHealthy(url, Date.now() + 90_000);
      const page = await fetch(`${url}/sign-in`);
      expect(await page.text()).toContain('<div id="root">');
      expect(output).toContain(`Ready on http://localhost:${port}`);
      expect(output).toContain('embedded PGlite');
      expect(output).toContain('Using the built-in Xero emulator');
      const discovery = /emulator at (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
      expect((await fetch(`${discovery}/.well-known/openid-configuration`)).status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
  }, 120_000);
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
