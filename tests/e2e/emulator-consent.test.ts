import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../server/xero-emulator';
import { browserAvailable, launchChromium } from '../support/chromium';
import { discoverClient, testRedirectUri } from '../support/emulator-oidc';

const hasBrowser = browserAvailable();

describe.skipIf(!hasBrowser)('the emulator consent page in Chromium', () => {
  let emulator: RunningEmulator;
  let browser: Browser;
  beforeAll(async () => {
    emulator = await startEmulator({
      clients: [{ clientId: 'c', clientSecret: 's', redirectUris: [testRedirectUri] }],
      seed: { contactsPerOrganisation: 5 },
    });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await emulator?.close();
  });

  /** Opens the consent page; the app's callback is answered by the test so the final URL can be read. */
  async function openConsent(state: string): Promise<{ page: Page; callback: Promise<URL> }> {
    const client = await discoverClient(emulator);
    const page = await browser.newPage();
    const callback = new Promise<URL>((resolve) => {
      void page.route(`${testRedirectUri}**`, (route) => {
        resolve(new URL(route.request().url()));
        void route.fulfill({ status: 200, contentType: 'text/html', body: '<p>callback reached</p>' });
      });
    });
    await page.goto(
      client.authorizationUrl({ redirect_uri: testRedirectUri, scope: 'openid profile email offline_access', state }),
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
