import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spaDir } from '../../server/spa-build';
import { signUpInBrowser } from '../support/browser-accounts';
import { browserAvailable, launchChromium } from '../support/chromium';
import { startTestServer, testWebhookKey, type RunningTestServer } from '../support/test-app';

const hasBrowser = browserAvailable();

/** Connects through the emulator's consent page, choosing one organisation by name. */
async function connectInBrowser(page: Page, email: string, organisation: string) {
  await page.goto('/integrations/xero');
  await page
    .getByRole('button', { name: /Connect/ })
    .first()
    .click();
  await page.getByLabel('Email').fill(email);
  for (const box of await page.locator('input[name="tenant"]').all()) await box.uncheck();
  await page.getByLabel(organisation).check();
  await page.getByRole('button', { name: 'Allow access' }).click();
  await page.waitForURL((url) => url.pathname === '/integrations/xero' && !url.search.includes('xero_error'));
}

describe.skipIf(!hasBrowser)('live contacts in the browser', () => {
  let server: RunningTestServer;
  let browser: Browser;
  let ada: Page;
  let bob: Page;
  let demoTenant: string;

  beforeAll(async () => {
    server = await startTestServer({ spaDir, emulator: { seed: { contactsPerOrganisation: 40 } } });
    const clientId = server.emulator.clients[0]?.clientId ?? '';
    server.emulator.control.setWebhook(clientId, { url: `${server.url}/xero/webhooks`, key: testWebhookKey });
    demoTenant = server.emulator.control.organisations()[0]?.tenantId ?? '';
    browser = await launchChromium();
    const open = async () =>
      (await browser.newContext({ baseURL: server.url, viewport: { width: 1100, height: 900 } })).newPage();
    ada = await open();
    bob = await open();
    await signUpInBrowser(ada, 'ada.live@example.com');
    await connectInBrowser(ada, 'ada.live@xero.example', 'Demo Company (Global)');
    await signUpInBrowser(bob, 'bob.live@example.com', { first: 'Bob', last: 'Builder' });
    await connectInBrowser(bob, 'bob.live@xero.example', 'Acme Widgets Ltd');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows a contact renamed in Xero on the open Contacts page without a reload, and not on another organisation’s page', async () => {
    await ada.goto('/contacts?search=Aardvark');
    await bob.goto('/contacts?search=Aardvark');
    const control = server.emulator.control;
    const contact = control.addContact(demoTenant, { name: 'Aardvark Analytics' });
    await ada.getByText('Aardvark Analytics').waitFor({ timeout: 5000 });

    const renamedAt = Date.now();
    control.updateContact(demoTenant, contact.contactId, { name: 'Aardvark Analytics Renamed' });
    await ada.getByText('Aardvark Analytics Renamed').waitFor({ timeout: 2000 });
    expect(Date.now() - renamedAt).toBeLessThan(2000);

    await expect(bob.getByText('Aardvark Analytics').count()).resolves.toBe(0);
  });
});
