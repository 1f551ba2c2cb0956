import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spaDir } from '../../server/spa-build';
import { browserAvailable, launchChromium } from '../support/chromium';
import { signUpInBrowser } from '../support/browser-accounts';
import { startTestServer, type RunningTestServer } from '../support/test-app';

const hasBrowser = browserAvailable();

describe.skipIf(!hasBrowser)('contacts and matching in the browser', () => {
  let server: RunningTestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startTestServer({ spaDir, emulator: { seed: { contactsPerOrganisation: 80 } } });
    browser = await launchChromium();
    page = await (await browser.newContext({ baseURL: server.url, viewport: { width: 1100, height: 900 } })).newPage();
    await signUpInBrowser(page, 'ada@example.com');
    await page.goto('/integrations/xero');
    await page.getByRole('button', { name: 'Connect to Xero' }).click();
    await page.getByLabel('Email').fill('ada.login@xero.example');
    await page.getByRole('button', { name: 'Allow access' }).click();
    await page.getByRole('heading', { name: 'Connected' }).waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  /** One of the short confirmations (sonner's toasts) that follow an action. */
  const toast = (text: string) => page.locator('[data-sonner-toast]', { hasText: text });

  it('browses, searches as you type, pages, and opens a contact', async () => {
    await page.getByRole('link', { name: 'Contacts', exact: true }).click();
    await page.locator('table tbody tr').first().waitFor();
    await expect(page.locator('.result-count').textContent()).resolves.toMatch(/^\d+ contacts/);
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByText(/^Page 2 of \d+$/).waitFor();

    await page.getByLabel('Search contacts').fill("o'brien");
    await page.getByText("matching “o'brien”", { exact: false }).waitFor();
    const names = await page.locator('table tbody th a').allTextContents();
    expect(names).toContain("O'Brien & Sons Ltd");
    expect(new URL(page.url()).searchParams.get('page')).toBeNull();

    await page.getByLabel('Search contacts').fill('no contact is called this');
    await page.getByText('No contacts match your search.').waitFor();
    await page.getByLabel('Search contacts').fill("o'brien");
    await page.getByRole('link', { name: "O'Brien & Sons Ltd", exact: true }).click();
    await page.getByRole('heading', { name: "O'Brien & Sons Ltd" }).waitFor();
    await page.screenshot({ path: 'test-results/contact-detail.png' });
  });

  it('matches the account to a Xero user and links it, then unlinks', async () => {
    await page.getByRole('link', { name: 'Match my account' }).click();
    await page.getByRole('heading', { name: /Possible matches in/ }).waitFor();
    await page.getByText('Same email as your account').waitFor();
    await page.screenshot({ path: 'test-results/match.png', fullPage: true });
    const candidate = page.locator('.candidate', { hasText: 'ADA@Example.com' });
    await candidate.getByRole('button', { name: /^Link/ }).click();
    await page.getByText(/^Linked to Ada Lovelace \(ADA@Example\.com\)/).waitFor();
    await toast('Linked to Ada Lovelace').waitFor();
    await expect(candidate.locator('.badge').textContent()).resolves.toBe('Linked');
    await page.getByRole('button', { name: 'Unlink' }).click();
    await page.getByText('Your account is not linked to a Xero user yet.').waitFor();
    await toast('Unlinked from your Xero user').waitFor();
  });

  it('confirms a saved Xero email with a toast, and a cleared one', async () => {
    await page.goto('/match');
    const field = page.getByLabel('Your email at Xero');
    await field.fill('ada.other@example.com');
    await page.getByRole('button', { name: 'Save Xero email' }).click();
    await toast('Xero email saved').waitFor();
    await field.fill('');
    await page.getByRole('button', { name: 'Save Xero email' }).click();
    await toast('Xero email cleared').waitFor();
  });
});
