import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spaDir } from '../../server/spa-build';
import { browserAvailable, launchChromium } from '../support/chromium';
import { signUpInBrowser } from '../support/browser-accounts';
import { apiCalls } from '../support/mirror-sync';
import { startTestServer, type RunningTestServer } from '../support/test-app';

const hasBrowser = browserAvailable();
const contactCount = 50_000;

describe.skipIf(!hasBrowser)('the contacts mirror in the browser', () => {
  let server: RunningTestServer;
  let browser: Browser;
  let page: Page;
  let tenantId: string;

  beforeAll(async () => {
    server = await startTestServer({
      spaDir,
      emulator: { seed: { contactsPerOrganisation: 40, contactsByOrganisation: { 0: contactCount } } },
      syncJobs: { intervalMs: 60 * 60_000, keepAliveDays: 7 },
    });
    tenantId = server.emulator.control.organisations()[0]?.tenantId ?? '';
    browser = await launchChromium();
    page = await (await browser.newContext({ baseURL: server.url, viewport: { width: 1100, height: 900 } })).newPage();
    await signUpInBrowser(page, 'mira@example.com', { first: 'Mira', last: 'Sync' });
    await page.goto('/integrations/xero');
    await page.getByRole('button', { name: 'Connect to Xero' }).click();
    await page.getByLabel('Email').fill('mira.login@xero.example');
    // Only the large organisation, so it is the selected one.
    await page.getByLabel('Acme Widgets Ltd').uncheck();
    await page.getByLabel('Kiwi Kitchens Limited').uncheck();
    await page.getByRole('button', { name: 'Allow access' }).click();
    await page.getByRole('heading', { name: 'Connected' }).waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the first sync of a large organisation with a progress bar, then answers from the mirror', async () => {
    await page.getByRole('link', { name: 'Contacts', exact: true }).click();
    const progress = page.getByRole('progressbar', { name: 'Contacts synced' });
    await progress.waitFor();
    await page.getByText(/^Syncing contacts: [\d,]+ of 50,000$/).waitFor({ timeout: 60_000 });
    const value = Number(await progress.getAttribute('value'));
    expect(value).toBeGreaterThan(0);
    expect(value).toBeLessThan(contactCount);
    await page.screenshot({ path: 'test-results/contacts-syncing.png' });

    await page.getByText(/^Up to date · synced/).waitFor({ timeout: 120_000 });
    await expect(progress.count()).resolves.toBe(0);
    await page.getByText(/^[\d,]+ contacts\./).waitFor();

    // Accent-folded substring search is the mirror's: Xero's own search would not find "Ångström" by "ANGSTROM".
    const before = apiCalls(server, tenantId);
    await page.getByLabel('Search contacts').fill('ANGSTROM');
    await page.getByText('matching “ANGSTROM”', { exact: false }).waitFor();
    const names = await page.locator('table tbody th a').allTextContents();
    expect(names.length).toBeGreaterThan(0);
    await page
      .getByRole('link', { name: names[0] ?? '' })
      .first()
      .click();
    await page.getByRole('heading', { name: names[0] ?? '' }).waitFor();
    await page.screenshot({ path: 'test-results/contacts-from-mirror.png' });
    expect(apiCalls(server, tenantId)).toBe(before);
  }, 240_000);
});
