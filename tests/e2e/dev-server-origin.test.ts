import type { Browser } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { signUpInBrowser } from '../support/browser-accounts';
import { browserAvailable, launchChromium } from '../support/chromium';
import { freePort, startTestServer, type RunningTestServer } from '../support/test-app';

const hasBrowser = browserAvailable();

/**
 * `npm run dev` serves the SPA from Vite and proxies the API; PUBLIC_URL is Vite's origin. The
 * same-origin rule must let the app's own pages change state through that proxy.
 */
describe.skipIf(!hasBrowser)('development through the Vite dev server', () => {
  let api: RunningTestServer;
  let vite: ViteDevServer;
  let browser: Browser;
  let viteOrigin: string;

  beforeAll(async () => {
    const vitePort = await freePort();
    viteOrigin = `http://127.0.0.1:${vitePort}`;
    api = await startTestServer({ app: { publicUrl: viteOrigin } });
    const proxy = Object.fromEntries(['/trpc', '/api', '/xero', '/healthz'].map((path) => [path, api.url]));
    vite = await createServer({
      configFile: 'vite.config.ts',
      logLevel: 'silent',
      server: { host: '127.0.0.1', port: vitePort, strictPort: true, proxy },
    });
    await vite.listen();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await vite?.close();
    await api?.stop();
  });

  it('signs up and signs out from the pages Vite serves', async () => {
    const page = await (await browser.newContext({ baseURL: viteOrigin })).newPage();
    await signUpInBrowser(page, 'developer@example.com');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  });
});
