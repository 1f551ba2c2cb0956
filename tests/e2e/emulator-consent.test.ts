import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Issuer } from 'openid-client';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../server/xero-emulator';
import { browserAvailable, launchChromium } from '../support/chromium';

const hasBrowser = browserAvailable();

describe.skipIf(!hasBrowser)('the emulator consent page in Chromium', () => {
  let emulator: RunningEmulator;
  let browser: Browser;
  /** The app's callback, played by the test on a port of its own: it records each URL it is sent to. */
  let callbackServer: Server;
  let redirectUri: string;
  const callbacksByState = new Map<string, (url: URL) => void>();

  beforeAll(async () => {
    callbackServer = createServer((request, response) => {
      const url = new URL(request.url ?? '/', redirectUri);
      callbacksByState.get(url.searchParams.get('state') ?? '')?.(url);
      response.writeHead(200, { 'content-type': 'text/html' }).end('<p>callback reached</p>');
    });
    await new Promise<void>((resolve) => callbackServer.listen(0, '127.0.0.1', resolve));
    redirectUri = `http://127.0.0.1:${(callbackServer.address() as AddressInfo).port}/xero/callback`;
    emulator = await startEmulator({
      clients: [{ clientId: 'c', clientSecret: 's', redirectUris: [redirectUri] }],
      seed: { contactsPerOrganisation: 5 },
    });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await emulator?.close();
    await new Promise((resolve) => callbackServer?.close(resolve));
  });

  /** Opens the consent page; the callback server reports the URL the browser lands on. */
  async function openConsent(state: string): Promise<{ page: Page; callback: Promise<URL> }> {
    const issuer = await Issuer.discover(emulator.url);
    const client = new issuer.Client({ client_id: 'c', client_secret: 's', redirect_uris: [redirectUri] });
    const page = await browser.newPage();
    const callback = new Promise<URL>((resolve) => callbacksByState.set(state, resolve));
    await page.goto(
      client.authorizationUrl({ redirect_uri: redirectUri, scope: 'openid profile email offline_access', state }),
    );
    return { page, callback };
  }

  it('Allow signs in as the edited Xero user with the chosen organisations and redirects with a code', async () => {
    const { page, callback } = await openConsent('allow-state');
    await expect(page.getByLabel('Email').inputValue()).resolves.toBe('ada@example.com');
    await page.getByLabel('Email').fill('grace@example.com');
    await page.getByLabel('First name').fill('Grace');
    await page.getByLabel('Last name').fill('Hopper');
    await page.getByLabel('Acme Widgets Ltd').check();
    await page.getByRole('button', { name: 'Allow access' }).click();
    const url = await callback;
    expect(url.searchParams.get('state')).toBe('allow-state');
    expect(url.searchParams.get('code')).toBeTruthy();
    const [, acme] = emulator.control.organisations();
    expect(acme?.users).toBe(5);
  });

  it('refuses Allow with no organisation chosen, keeping the form', async () => {
    const { page } = await openConsent('none-state');
    await page.getByLabel('Demo Company (Global)').uncheck();
    await page.getByRole('button', { name: 'Allow access' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Choose at least one organisation.');
  });

  it('Cancel redirects with access_denied and the state', async () => {
    const { page, callback } = await openConsent('cancel-state');
    await page.getByRole('button', { name: 'Cancel' }).click();
    const url = await callback;
    expect(url.searchParams.get('error')).toBe('access_denied');
    expect(url.searchParams.get('state')).toBe('cancel-state');
  });
});
