import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spaDir } from '../../server/spa-build';
import { browserAvailable, launchChromium } from '../support/chromium';
import { signUpInBrowser } from '../support/browser-accounts';
import { startTestServer, type RunningTestServer } from '../support/test-app';

const hasBrowser = browserAvailable();

describe.skipIf(!hasBrowser)('connecting Xero in the browser', () => {
  let server: RunningTestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestServer({ spaDir, emulator: { seed: { contactsPerOrganisation: 60 } } });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function signedInPage(email: string): Promise<Page> {
    const page = await (await browser.newContext({ baseURL: server.url })).newPage();
    await signUpInBrowser(page, email);
    return page;
  }

  it('shows the interstitial, connects through the consent page, and returns to the page the user was on', async () => {
    const page = await signedInPage('journey@example.com');
    await page.goto('/contacts?q=ltd');
    await page.getByRole('heading', { name: 'Connect to Xero' }).waitFor();
    await page.getByRole('button', { name: 'Connect to Xero' }).click();

    await page.getByRole('button', { name: 'Allow access' }).waitFor();
    expect(page.url().startsWith(server.emulator.url)).toBe(true);
    await page.getByLabel('Email').fill('ada@example.com');
    await page.getByRole('button', { name: 'Allow access' }).click();

    await page.getByRole('heading', { name: 'Contacts' }).waitFor();
    await page.locator('table tbody tr').first().waitFor();
    const url = new URL(page.url());
    expect(url.pathname).toBe('/contacts');
    expect(url.searchParams.get('q')).toBe('ltd');
    await expect(page.locator('.result-count').textContent()).resolves.toMatch(/contacts? matching “ltd”/);

    await page.goto('/integrations/xero');
    await page.getByRole('heading', { name: 'Connected' }).waitFor();
    await expect(page.locator('.details').textContent()).resolves.toContain('ada@example.com');
    await page.getByRole('button', { name: 'Disconnect Xero' }).click();
    await page.getByRole('button', { name: 'Yes, disconnect' }).click();
    await page.getByText('Disconnected from Xero.').waitFor();
  });

  it('explains a cancelled consent in a sentence and stays disconnected', async () => {
    const page = await signedInPage('cancel@example.com');
    await page.goto('/integrations/xero');
    await page.getByRole('button', { name: 'Connect to Xero' }).click();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByText('You cancelled on Xero, so nothing was connected.').waitFor();
    expect(new URL(page.url()).pathname).toBe('/integrations/xero');
    await page.getByRole('button', { name: 'Connect to Xero' }).waitFor();
  });
});
