import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spaDir } from '../../server/spa-build';
import { connectInBrowser, signedInPage } from '../support/browser-xero';
import { browserAvailable, launchChromium } from '../support/chromium';
import { startTestServer, type RunningTestServer } from '../support/test-app';

const hasBrowser = browserAvailable();
const focused = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement;
    return {
      tag: element?.tagName ?? '',
      text: element?.textContent?.trim() ?? '',
      inDialog: Boolean(element?.closest('dialog')),
    };
  });

describe.skipIf(!hasBrowser)('keyboard use and focus', () => {
  let server: RunningTestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startTestServer({ spaDir });
    browser = await launchChromium();
    page = await signedInPage(browser, server, 'ada@example.com');
    await connectInBrowser(page);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('gives each route its own title', async () => {
    const titles = new Map<string, string>();
    for (const path of ['/', '/contacts', '/match', '/integrations/xero', '/settings', '/nowhere']) {
      await page.goto(path);
      await page.locator('h1').first().waitFor();
      titles.set(path, await page.title());
    }
    expect(new Set(titles.values()).size).toBe(titles.size);
    expect(titles.get('/contacts')).toBe('Contacts · Xero Connect');
  });

  it('folds the header behind Menu on a phone, keeps the organisation in view, and closes on Escape or a link', async () => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await phone.context().addCookies(await page.context().cookies());
    try {
      await phone.goto(`${server.url}/`);
      const menu = phone.getByRole('button', { name: 'Menu' });
      const contactsLink = phone.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' });
      await menu.waitFor();
      expect(await menu.getAttribute('aria-expanded')).toBe('false');
      expect(await contactsLink.isVisible()).toBe(false);
      expect(await phone.getByRole('button', { name: 'Sign out' }).isVisible()).toBe(false);
      expect(await phone.getByRole('banner').getByText('Demo Company (Global)').isVisible()).toBe(true);

      await menu.click();
      expect(await menu.getAttribute('aria-expanded')).toBe('true');
      await phone.getByRole('button', { name: 'Sign out' }).waitFor();
      await contactsLink.focus();
      await phone.keyboard.press('Escape');
      await contactsLink.waitFor({ state: 'hidden' });
      expect(await menu.getAttribute('aria-expanded')).toBe('false');
      expect(await focused(phone)).toMatchObject({ tag: 'BUTTON', text: 'Menu' });

      await menu.click();
      await contactsLink.click();
      await phone.getByRole('heading', { name: 'Contacts', level: 1 }).waitFor();
      await contactsLink.waitFor({ state: 'hidden' });
      expect(await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(
        0,
      );
    } finally {
      await phone.close();
    }
  });

  it('opens Disconnect as a modal dialog: focus inside, Escape closes it, focus back on the button', async () => {
    await page.goto('/integrations/xero');
    const opener = page.getByRole('button', { name: 'Disconnect Xero' });
    await opener.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Disconnect from Xero?' });
    await dialog.waitFor();
    expect(await dialog.evaluate((element) => (element as HTMLDialogElement).matches(':modal'))).toBe(true);
    for (let i = 0; i < 4; i += 1) {
      await page.keyboard.press('Tab');
      const now = await focused(page);
      // Tab cycles through the dialog's buttons (and the browser's own chrome), never the page behind it.
      if (now.tag !== 'BODY') expect(now.inDialog).toBe(true);
    }
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await focused(page)).toMatchObject({ tag: 'BUTTON', text: 'Disconnect Xero' });
  });

  it('moves focus to what changed after Link and Unlink', async () => {
    await page.goto('/match');
    await page
      .getByRole('button', { name: /^Link / })
      .first()
      .click();
    await page
      .getByText(/^Linked to /)
      .first()
      .waitFor();
    await expect.poll(async () => (await focused(page)).text).toBe('Current link');
    await page
      .getByText(/^Linked to .* \(/)
      .first()
      .waitFor();
    await page.getByRole('button', { name: 'Unlink' }).click();
    await page.getByText('Your account is not linked to a Xero user yet.').waitFor();
    await expect.poll(async () => (await focused(page)).text).toBe('Current link');
  });

  it('focuses the contact’s heading after opening a contact', async () => {
    await page.goto('/contacts');
    const link = page.locator('table tbody th a').first();
    const name = ((await link.textContent()) ?? '').trim();
    await link.click();
    await page.getByRole('heading', { name, level: 1 }).waitFor();
    await expect.poll(async () => (await focused(page)).tag).toBe('H1');
    expect((await focused(page)).text).toBe(name);
  });

  it('focuses the outcome after Disconnect', async () => {
    await page.goto('/integrations/xero');
    await page.getByRole('button', { name: 'Disconnect Xero' }).click();
    await page.getByRole('button', { name: 'Yes, disconnect' }).click();
    await page.getByText('Disconnected from Xero.').waitFor();
    await expect.poll(async () => (await focused(page)).text).toBe('Disconnected from Xero.');
  });
});
