import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spaDir } from '../../server/spa-build';
import { connectInBrowser, signedInPage } from '../support/browser-xero';
import { browserAvailable, launchChromium } from '../support/chromium';
import { startTestServer, type RunningTestServer } from '../support/test-app';

const hasBrowser = browserAvailable();

describe.skipIf(!hasBrowser)('the connection status, everywhere the same', () => {
  let server: RunningTestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestServer({ spaDir });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the organisation on Home once connected, with a toast after Connect', async () => {
    const page = await signedInPage(browser, server, 'home@example.com');
    await page.getByRole('heading', { name: 'Getting started' }).waitFor();
    await connectInBrowser(page);
    await page.getByText('Connected to Xero: Demo Company (Global)').waitFor();
    await page.goto('/');
    const summary = page.locator('section', { has: page.getByRole('heading', { name: 'Demo Company (Global)' }) });
    await summary.getByText('New Zealand Dollar (NZD)').waitFor();
    await expect(summary.textContent()).resolves.toContain('New Zealand');
    await expect(summary.textContent()).resolves.toContain('Ada Lovelace (ada.login@xero.example)');
    // The organisation is in the header of every page; with only one there is nothing to switch to.
    await page.goto('/match');
    await page.getByRole('banner').getByText('Demo Company (Global)').waitFor();
    expect(await page.getByRole('banner').getByRole('combobox').count()).toBe(0);
  });

  it('switches organisation from the header on any page, says so, and Home follows', async () => {
    const page = await signedInPage(browser, server, 'switch@example.com');
    await page.goto('/integrations/xero');
    await page.getByRole('button', { name: 'Connect to Xero' }).click();
    await page.getByLabel('Acme Widgets Ltd').check();
    await page.getByRole('button', { name: 'Allow access' }).click();
    await page.getByRole('heading', { name: 'Connected' }).waitFor();
    await page.goto('/match');
    const switcher = page.getByRole('banner').getByLabel('Organisation');
    await switcher.selectOption({ label: 'Acme Widgets Ltd' });
    await page.getByText('Switched to Acme Widgets Ltd').waitFor();
    await page.goto('/');
    await page.getByRole('heading', { name: 'Acme Widgets Ltd' }).waitFor();
    await page.getByText('Australian Dollar (AUD)').waitFor();
  });

  it('never says "Connected" after the grant is revoked: Home, the header and the Xero page agree', async () => {
    const page = await signedInPage(browser, server, 'revoked@example.com');
    await connectInBrowser(page);
    server.emulator.control.revokeGrants({ all: true });
    // The next call to Xero finds out, as it would in real use.
    await page.goto('/contacts');
    await page.getByRole('button', { name: 'Reconnect to Xero' }).waitFor();
    // The header, loaded before Xero refused, catches up without a reload.
    await page.getByRole('banner').getByRole('link', { name: 'Xero: needs reconnecting' }).waitFor();

    await page.goto('/');
    await page.getByRole('heading', { name: 'Getting started' }).waitFor();
    const home = (await page.locator('main').textContent()) ?? '';
    expect(home).toContain('Needs reconnecting');
    expect(home).not.toMatch(/\bConnected\b/);
    await page.getByRole('banner').getByRole('link', { name: 'Xero: needs reconnecting' }).waitFor();

    await page.goto('/integrations/xero');
    await page.getByRole('heading', { name: 'Needs reconnecting' }).waitFor();
    const xeroPage = (await page.locator('main').textContent()) ?? '';
    expect(xeroPage).not.toMatch(/\bConnected\b/);
    expect(xeroPage).not.toContain('expires');
    expect(await page.getByRole('heading', { name: 'Connected', exact: true }).count()).toBe(0);
  });
});
