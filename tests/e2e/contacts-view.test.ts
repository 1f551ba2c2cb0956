import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spaDir } from '../../server/spa-build';
import { connectInBrowser, signedInPage } from '../support/browser-xero';
import { browserAvailable, launchChromium } from '../support/chromium';
import { startTestServer, type RunningTestServer } from '../support/test-app';

const hasBrowser = browserAvailable();

describe.skipIf(!hasBrowser)('the contacts list', () => {
  let server: RunningTestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestServer({ spaDir, emulator: { seed: { contactsPerOrganisation: 80 } } });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('sorts by a column header, names the organisation, and goes back to the top after paging', async () => {
    const page = await signedInPage(browser, server, 'sort@example.com', { width: 1280, height: 600 });
    await connectInBrowser(page);
    await page.goto('/contacts');
    await page.locator('main .lead', { hasText: 'Demo Company (Global)' }).waitFor();
    await page.locator('table tbody tr').first().waitFor();
    const nameHeader = page.getByRole('columnheader', { name: /Name/ });
    expect(await nameHeader.getAttribute('aria-sort')).toBe('ascending');
    await nameHeader.getByRole('button').click();
    await page.waitForURL((url) => url.searchParams.get('sort') === 'name_desc');
    await expect.poll(() => nameHeader.getAttribute('aria-sort')).toBe('descending');
    await expect
      .poll(async () => {
        const names = await page.locator('table tbody th').allTextContents();
        return names.length > 1 && (names[0] ?? '').localeCompare(names[names.length - 1] ?? '') > 0;
      })
      .toBe(true);

    await page.evaluate(() => window.scrollTo({ top: document.body.scrollHeight }));
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByText(/^Page 2 of \d+$/).waitFor();
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
  });

  it('shows each contact as a card on a phone, with no sideways scrolling', async () => {
    const page = await signedInPage(browser, server, 'phone@example.com', { width: 390, height: 844 });
    await connectInBrowser(page);
    await page.goto('/contacts');
    await page.locator('table tbody tr').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    const wrap = page.locator('.table-wrap');
    expect(await wrap.evaluate((element) => element.scrollWidth - element.clientWidth)).toBeLessThanOrEqual(0);
    await page.locator('td[data-label="Email"]').first().waitFor();
  });
});
