import { xeroOrgLimits } from '../../server/db/schema';
import { syncOrganisation } from '../../server/xero/sync/run-sync';
import type { Browser, Page } from 'playwright-core';
import { signUpInBrowser } from './browser-accounts';
import type { RunningTestServer } from './test-app';

/** Called at each page and state the tour reaches, with the page showing it. */
export type Visit = (name: string, page: Page) => Promise<void>;

/**
 * Walks every route of the app in every state a person can reach with the emulator: signed out, new,
 * connected, linked, the Disconnect dialog, Xero limiting or failing, the grant revoked, and dark mode.
 * Shared by the accessibility test and the screenshot script, so both see the same pages.
 */
export async function tourEveryPage(browser: Browser, server: RunningTestServer, visit: Visit): Promise<void> {
  const context = await browser.newContext({
    baseURL: server.url,
    viewport: { width: 1280, height: 800 },
  });
  const page = await context.newPage();
  const heading = (name: string | RegExp) => page.getByRole('heading', { name, level: 1 }).waitFor();

  await page.goto('/sign-in');
  await heading('Sign in');
  await visit('sign-in', page);
  await page.goto('/sign-up');
  await heading('Create your account');
  await visit('sign-up', page);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.locator('.field-error').first().waitFor();
  await visit('sign-up-errors', page);

  await signUpInBrowser(page, 'ada@example.com');
  await page.getByRole('heading', { name: 'Getting started' }).waitFor();
  await visit('home-new-user', page);
  await page.goto('/integrations/xero');
  await page.getByRole('heading', { name: 'Not connected' }).waitFor();
  await visit('xero-not-connected', page);
  await page.goto('/contacts');
  await heading('Connect to Xero');
  await visit('contacts-not-connected', page);
  await page.goto('/match');
  await heading('Connect to Xero');
  await visit('match-not-connected', page);
  await page.goto('/settings');
  await page.getByRole('heading', { name: 'Test the connection' }).waitFor();
  await visit('settings', page);
  await page.goto('/nowhere');
  await heading('Page not found');
  await visit('not-found', page);
  await page.goto('/contacts/not-a-uuid');
  await heading('No such contact');
  await visit('contact-bad-address', page);

  await page.goto('/integrations/xero');
  await page.getByRole('button', { name: 'Connect to Xero' }).click();
  await page.getByRole('button', { name: 'Allow access' }).waitFor();
  await visit('emulator-consent', page);
  await page.getByLabel('Email').fill('ada.login@xero.example');
  await page.getByRole('button', { name: 'Allow access' }).click();
  await page.getByRole('heading', { name: 'Connected' }).waitFor();
  await visit('xero-connected', page);

  await page.goto('/');
  await page.getByText('New Zealand').or(page.getByText('Australia')).first().waitFor();
  await visit('home-connected', page);
  await page.goto('/contacts');
  await page.locator('table tbody tr').first().waitFor();
  await visit('contacts', page);
  await page.goto('/contacts?role=suppliers&archived=1');
  await page.getByText(/^\d+ suppliers?/).waitFor();
  await visit('contacts-suppliers', page);
  await page.goto('/contacts?page=99');
  await page.waitForURL((url) => url.searchParams.get('page') !== '99');
  await page.locator('table tbody tr').first().waitFor();
  await visit('contacts-past-last-page', page);
  await page.locator('table tbody th a').first().click();
  await page.getByRole('heading', { name: 'Contact people' }).waitFor();
  await visit('contact', page);
  // Where "Open in Xero" leads: the emulator's page for the contact.
  await page.goto((await page.getByRole('link', { name: 'Open in Xero' }).getAttribute('href')) ?? '');
  await page.getByText('Xero emulator: where "Open in Xero" leads', { exact: false }).waitFor();
  await visit('emulator-contact', page);
  await page.goto('/contacts/00000000-0000-4000-8000-000000000000');
  await page.getByText('has no contact with this id').waitFor();
  await visit('contact-not-found', page);

  await page.goto('/match');
  await page.getByRole('heading', { name: /Possible matches in/ }).waitFor();
  await visit('match', page);
  await page
    .getByRole('button', { name: /^Link / })
    .first()
    .click();
  await page
    .getByText(/^Linked to /)
    .first()
    .waitFor();
  await visit('match-linked', page);
  await page.goto('/');
  await page.getByRole('heading', { name: 'Go to' }).waitFor();
  await visit('home-linked', page);

  await page.goto('/integrations/xero');
  await page.getByRole('button', { name: 'Disconnect Xero' }).click();
  await page.getByRole('dialog', { name: 'Disconnect from Xero?' }).waitFor();
  await visit('disconnect-dialog', page);
  await page.keyboard.press('Escape');

  server.emulator.control.injectFaults({ kind: 429, count: 20, retryAfterSeconds: 300 });
  await page.goto('/contacts?q=limited');
  await page.getByText('Xero asked us to slow down').waitFor();
  await visit('contacts-rate-limited', page);
  server.emulator.control.clearFaults();
  // Xero's Retry-After is remembered for the organisation by every process; this tour moves on at once.
  await server.db.db.delete(xeroOrgLimits);
  server.emulator.control.injectFaults({ kind: 503, count: 20 });
  await page.goto('/contacts?q=unavailable');
  await page.getByRole('button', { name: 'Try again' }).waitFor();
  await visit('contacts-xero-unavailable', page);
  server.emulator.control.clearFaults();

  // The contacts mirror: synced as the server's job does it, then failing while Xero is down.
  const demoCompany = server.emulator.control.organisations()[0]?.tenantId ?? '';
  const sync = () => syncOrganisation(server.deps.xero, demoCompany, { intervalMs: 5 * 60_000 });
  await sync();
  await page.goto('/contacts');
  await page.getByText(/^Up to date/).waitFor();
  await page.locator('table tbody tr').first().waitFor();
  await visit('contacts-synced', page);
  await page.goto('/');
  await page.getByText(/^Up to date/).waitFor();
  await visit('home-synced', page);
  server.emulator.control.injectFaults({ kind: 503, count: 20 });
  await sync();
  server.emulator.control.clearFaults();
  await page.goto('/contacts');
  await page.getByText('Contacts could not be synced').waitFor();
  await visit('contacts-sync-failing', page);
  await page.emulateMedia({ colorScheme: 'dark' });
  await visit('contacts-sync-failing-dark', page);
  await page.goto('/');
  await page.getByText('Contacts could not be synced').waitFor();
  await visit('home-sync-failing-dark', page);
  await page.emulateMedia({ colorScheme: 'light' });

  // Only a call to Xero finds the grant revoked; the Match page makes one (contacts come from the mirror).
  server.emulator.control.revokeGrants({ all: true });
  await page.goto('/match');
  await heading('Connect to Xero');
  await visit('match-needs-reconnect', page);
  await page.goto('/contacts?q=revoked');
  await heading('Connect to Xero');
  await visit('contacts-needs-reconnect', page);
  await page.goto('/');
  await page.getByText('Needs reconnecting', { exact: true }).first().waitFor();
  await visit('home-needs-reconnect', page);
  await page.goto('/integrations/xero');
  await page.getByRole('heading', { name: 'Needs reconnecting' }).waitFor();
  await visit('xero-needs-reconnect', page);

  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/');
  await page.getByRole('heading', { name: 'Getting started' }).waitFor();
  await visit('home-dark', page);
  await page.goto('/integrations/xero');
  await page.getByRole('heading', { name: 'Needs reconnecting' }).waitFor();
  await visit('xero-dark', page);
  await page.goto('/settings');
  await page.getByRole('heading', { name: 'Test the connection' }).waitFor();
  await visit('settings-dark', page);
  await context.close();
}

/**
 * The pages that look different where the Xero app comes from elsewhere than the settings page: the
 * built-in emulator of development (a banner on every page, the failure-paths panel in Settings) or the
 * server's environment (Settings shows that app, read-only). `mode` names the states.
 */
export async function tourCredentialSource(
  browser: Browser,
  server: RunningTestServer,
  mode: 'emulator' | 'environment',
  visit: Visit,
): Promise<void> {
  const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await signUpInBrowser(page, `${mode}@example.com`);
  await page.getByRole('heading', { name: 'Getting started' }).waitFor();
  await visit(`home-${mode}`, page);
  await page.goto('/settings');
  await page.getByRole('heading', { name: 'Test the connection' }).waitFor();
  if (mode === 'emulator') await page.getByRole('heading', { name: 'Try the failure paths' }).waitFor();
  await visit(`settings-${mode}`, page);
  await context.close();
}
