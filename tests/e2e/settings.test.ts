import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spaDir } from '../../server/spa-build';
import { axeViolations, blocking } from '../support/axe';
import { signedInPage } from '../support/browser-xero';
import { browserAvailable, launchChromium } from '../support/chromium';
import { startTestServer, type RunningTestServer } from '../support/test-app';

const hasBrowser = browserAvailable();

describe.skipIf(!hasBrowser)('the Xero app settings page', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  describe('with the app set by the environment', () => {
    let server: RunningTestServer;
    beforeAll(async () => {
      server = await startTestServer({ spaDir });
    });
    afterAll(async () => server?.stop());

    it('shows the environment’s app and offers no secret field that cannot be saved', async () => {
      const page = await signedInPage(browser, server, 'admin-env@example.com');
      await page.goto('/settings');
      await page.getByText('the server’s environment (XERO_CLIENT_ID and XERO_CLIENT_SECRET)').waitFor();
      expect(await page.getByLabel('Client secret').count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Save', exact: true }).count()).toBe(0);
      await page.getByRole('button', { name: 'Test connection' }).click();
      await page.getByText('Xero accepted this client id and secret.').waitFor();
    });
  });

  describe('with credentials saved on the page', () => {
    let server: RunningTestServer;
    let page: Page;
    beforeAll(async () => {
      server = await startTestServer({ spaDir, credentialsIn: 'settings' });
      page = await signedInPage(browser, server, 'admin-saved@example.com');
    });
    afterAll(async () => server?.stop());

    it('keeps the saved secret when saved with the secret left empty', async () => {
      await page.goto('/settings');
      await page.getByText('A secret is saved and is never shown. Leave this empty to keep it.').waitFor();
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByText('Xero settings saved').waitFor();
      await page.getByRole('button', { name: 'Test connection' }).click();
      await page.getByText('Xero accepted this client id and secret.').waitFor();
    });

    it('tells rejected credentials from accepted ones, without showing the secret', async () => {
      await page.goto('/settings');
      await page.getByLabel('Client secret').fill('a-wrong-secret-0123');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByText('Xero settings saved').waitFor();
      await page.getByRole('button', { name: 'Test connection' }).click();
      await page.getByText('Xero rejected this client id and secret.').waitFor();
      expect(await page.content()).not.toContain('a-wrong-secret-0123');
      // Put the right one back for the next test.
      await page.getByLabel('Client secret').fill('test-client-secret');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByText('Saved. New connections use these credentials.').waitFor();
    });

    it('says Xero is unreachable when it is, rather than blaming the credentials or us', async () => {
      await page.goto('/settings');
      await server.emulator.close();
      await page.getByRole('button', { name: 'Test connection' }).click();
      await page.getByText(/Xero’s sign-in service could not be reached/).waitFor();

      await page.goto('/integrations/xero');
      await page.getByRole('button', { name: 'Connect to Xero' }).click();
      const alert = page.getByRole('alert');
      await alert.waitFor();
      const text = (await alert.textContent()) ?? '';
      expect(text).toMatch(/Xero/);
      expect(text).not.toContain('Something went wrong on our side');
    });

    it('removes the saved credentials, and says what the app uses instead', async () => {
      await page.goto('/settings');
      await page.getByRole('button', { name: 'Remove saved credentials' }).click();
      await page.getByRole('dialog', { name: 'Remove the saved credentials?' }).waitFor();
      await page.getByRole('button', { name: 'Yes, remove them' }).click();
      await page.getByText('Saved credentials removed').waitFor();
      await page.getByText('nothing yet: Xero is switched off').waitFor();
    });
  });
});

describe.skipIf(!hasBrowser)('the built-in emulator of development', () => {
  let browser: Browser;
  let server: RunningTestServer;
  // The first account is the admin, who alone sees Settings: both tests use it.
  let page: Page;
  beforeAll(async () => {
    browser = await launchChromium();
    server = await startTestServer({ spaDir, credentialsIn: 'emulator' });
    page = await signedInPage(browser, server, 'admin-dev@example.com');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('makes the built-in emulator rate-limit, and the Contacts page then counts the wait down', async () => {
    await page.goto('/integrations/xero');
    await page.getByRole('button', { name: 'Connect to Xero' }).click();
    await page.getByRole('button', { name: 'Allow access' }).click();
    await page.getByRole('heading', { name: 'Connected' }).waitFor();
    await page.goto('/settings');
    await page.getByText('the built-in Xero emulator (development only)').waitFor();
    await page.getByRole('button', { name: 'Rate-limit the next calls' }).click();
    await page.getByText('The next 3 calls to the emulator answer').waitFor();
    expect((await axeViolations(page)).filter(blocking)).toEqual([]);
    await page.goto('/contacts?q=panel');
    await page.getByText(/Trying again by itself in about 5 minutes/).waitFor();
    await page.goto('/settings');
    await page.getByRole('button', { name: 'Clear faults' }).click();
    await page.getByText('Faults cleared.').waitFor();
  });

  it('says on every page that the built-in emulator stands in for Xero, and leads an admin to Settings', async () => {
    for (const path of ['/', '/contacts', '/match']) {
      await page.goto(path);
      await page.getByRole('note').getByText('Using the built-in Xero emulator').waitFor();
    }
    await page.getByRole('note').getByRole('link', { name: 'Set up a Xero app in Settings' }).click();
    await page.getByRole('heading', { name: 'Xero app settings', level: 1 }).waitFor();
  });
});
