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
        const names = await page.locator('table tbody th a').allTextContents();
        return names.length > 1 && (names[0] ?? '').localeCompare(names[names.length - 1] ?? '') > 0;
      })
      .toBe(true);

    await page.evaluate(() => window.scrollTo({ top: document.body.scrollHeight }));
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByText(/^Page 2 of \d+$/).waitFor();
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
  });

  it('filters to customers or suppliers, and links phone, website and the contact in Xero', async () => {
    const page = await signedInPage(browser, server, 'links@example.com', { width: 1280, height: 800 });
    await connectInBrowser(page);
    await page.goto('/contacts');
    const count = page.locator('.result-count');
    await count.getByText(/^\d+ contacts/).waitFor();
    const everyone = Number((await count.textContent())?.match(/^\d+/)?.[0]);

    await page.getByLabel('Show').selectOption('customers');
    await page.waitForURL((url) => url.searchParams.get('role') === 'customers');
    await count.getByText(/^\d+ customers?/).waitFor();
    const customers = Number((await count.textContent())?.match(/^\d+/)?.[0]);
    expect(customers).toBeGreaterThan(0);
    expect(customers).toBeLessThan(everyone);
    // Every row shown is a customer.
    await expect
      .poll(async () => {
        const types = await page.locator('table tbody .contact-roles').allTextContents();
        const rows = await page.locator('table tbody tr').count();
        return rows > 0 && types.length === rows && types.every((type) => type.includes('Customer'));
      })
      .toBe(true);

    const phone = page.locator('td[data-label="Phone"] a').first();
    expect(await phone.getAttribute('href')).toMatch(/^tel:\+\d{6,}$/);
    const website = page.locator('[data-label="Website"] a').first();
    expect(await website.getAttribute('href')).toMatch(/^https:\/\/www\..+\.example\/$/);
    expect(await website.getAttribute('rel')).toContain('noopener');

    const firstName = ((await page.locator('table tbody th a').first().textContent()) ?? '').trim();
    const [xeroPage] = await Promise.all([
      page.waitForEvent('popup'),
      page.getByRole('link', { name: `Open in Xero: ${firstName}` }).click(),
    ]);
    await xeroPage.getByRole('heading', { name: firstName }).waitFor();
    expect(xeroPage.url()).toMatch(/\/app\/!dEmO1\/contacts\/contact\/[0-9a-f-]{36}$/);
    await xeroPage.close();

    // The contact's own page has the same link.
    await page.getByRole('link', { name: firstName, exact: true }).click();
    await page.getByRole('heading', { name: firstName, level: 1 }).waitFor();
    expect(await page.getByRole('link', { name: 'Open in Xero' }).getAttribute('href')).toMatch(
      /\/app\/!dEmO1\/contacts\/contact\/[0-9a-f-]{36}$/,
    );
    await page.goBack();
    expect(await page.getByLabel('Show').inputValue()).toBe('customers');
  });

  it('says "at least" when Xero leaves its count out, and still offers the next page', async () => {
    const page = await signedInPage(browser, server, 'uncounted@example.com', { width: 1280, height: 800 });
    await connectInBrowser(page);
    server.emulator.control.injectFaults({ kind: 'no_pagination', count: 1000 });
    try {
      await page.goto('/contacts');
      await page
        .locator('.result-count')
        .getByText(/^At least 25 contacts/)
        .waitFor();
      await page.getByRole('button', { name: 'Next' }).click();
      await page
        .locator('.result-count')
        .getByText(/^At least 50 contacts/)
        .waitFor();
    } finally {
      server.emulator.control.clearFaults();
    }
  });

  it('shows each contact as a card on a phone, with no sideways scrolling, and sorts without the column headers', async () => {
    const page = await signedInPage(browser, server, 'phone@example.com', { width: 390, height: 844 });
    await connectInBrowser(page);
    await page.goto('/contacts');
    await page.locator('table tbody tr').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    const wrap = page.locator('.table-wrap');
    expect(await wrap.evaluate((element) => element.scrollWidth - element.clientWidth)).toBeLessThanOrEqual(0);
    await page.locator('[data-label="Email"]').first().waitFor();

    const newestFirst = page.getByLabel('Sort by');
    expect(await newestFirst.isVisible()).toBe(true);
    await newestFirst.selectOption('updated_desc');
    await page.waitForURL((url) => url.searchParams.get('sort') === 'updated_desc');
    await expect
      .poll(async () => {
        const dates = (await page.locator('td[data-label="Updated"]').allTextContents()).map((text) =>
          Date.parse(text),
        );
        return dates.length > 1 && dates.every((date, index) => index === 0 || date <= (dates[index - 1] ?? 0));
      })
      .toBe(true);
  });

  it('keeps the phone-only sort list out of the laptop layout, where the headers sort', async () => {
    const page = await signedInPage(browser, server, 'laptop-sort@example.com', { width: 1280, height: 800 });
    await connectInBrowser(page);
    await page.goto('/contacts');
    await page.locator('table tbody tr').first().waitFor();
    expect(await page.getByLabel('Sort by').isVisible()).toBe(false);
  });
});
