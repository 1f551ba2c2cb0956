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
