import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spaDir } from '../../server/spa-build';
import { unbrokenContactName } from '../../server/xero-emulator/seed/names';
import { browserAvailable, launchChromium } from '../support/chromium';
import { signUpInBrowser } from '../support/browser-accounts';
import { connectInBrowser } from '../support/browser-xero';
import { emulatorContacts } from '../support/emulator-contacts';
import { startTestServer, type RunningTestServer } from '../support/test-app';

const hasBrowser = browserAvailable();

/** Real organisations' untidy contacts, and a Xero that answers with something that is not data. */
describe.skipIf(!hasBrowser)('untidy contacts and bad answers in the browser', () => {
  let server: RunningTestServer;
  let browser: Browser;
  let page: Page;
  let tenantId: string;

  beforeAll(async () => {
    server = await startTestServer({ spaDir, emulator: { seed: { contactsPerOrganisation: 80 } } });
    tenantId = server.emulator.control.organisations()[0]?.tenantId ?? '';
    browser = await launchChromium();
    page = await (await browser.newContext({ baseURL: server.url, viewport: { width: 800, height: 900 } })).newPage();
    await signUpInBrowser(page, 'grace@example.com', { first: 'Grace', last: 'Hopper' });
    await connectInBrowser(page, 'grace.login@xero.example');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the full phone number, the GDPR status and a long unbroken name wrapped, with no empty bullets', async () => {
    // The emulator's own answer, to pick contacts with each trait under test.
    const contacts = await emulatorContacts(server, tenantId);
    const gdpr = contacts.find((contact) => contact.ContactStatus === 'GDPRREQUEST');
    expect(gdpr).toBeDefined();
    await page.goto(`/contacts/${gdpr?.ContactID}`);
    await page.getByText('GDPR request: this contact asked to be forgotten').waitFor();

    const phoned = contacts.find((contact) => contact.Phones?.some((phone) => phone.PhoneNumber));
    const phone = phoned?.Phones?.find((candidate) => candidate.PhoneNumber);
    await page.goto(`/contacts/${phoned?.ContactID}`);
    await page.getByText(`+${phone?.PhoneCountryCode} ${phone?.PhoneAreaCode} ${phone?.PhoneNumber}`).waitFor();

    const unbroken = contacts.find((contact) => contact.Name === unbrokenContactName);
    await page.goto(`/contacts/${unbroken?.ContactID}`);
    await page.getByRole('heading', { name: unbrokenContactName }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);

    const withNameless = contacts.find((contact) =>
      contact.ContactPersons?.some((person) => !person.FirstName && !person.LastName),
    );
    await page.goto(`/contacts/${withNameless?.ContactID}`);
    await page.getByRole('heading', { name: 'Contact people' }).waitFor();
    const bullets = await page.locator('section ul li').allTextContents();
    expect(bullets.length).toBeGreaterThan(0);
    expect(bullets.every((text) => text.trim() !== '' && !text.trim().startsWith('—'))).toBe(true);
  });

  it('shows a body that is not Xero data as an error on a live page, never as an empty answer', async () => {
    // Every Xero answer meets the HTML page for now: the SPA retries a failed query, and other parts of the
    // page (the organisation's details) may call Xero too, so a small count could be used up elsewhere.
    server.emulator.control.injectFaults({ kind: 'html', count: 1000 });
    await page.goto('/match');
    const notice = page.getByRole('alert').filter({ hasText: /Xero sent an answer we could not read/ });
    await notice.waitFor();
    expect(await page.getByText('Your account is not linked to a Xero user yet.').count()).toBe(0);
    // Xero's fault, and one another try may mend: the notice names Xero and offers that try.
    await notice.getByText('Xero could not answer').waitFor();
    server.emulator.control.clearFaults();
    await notice.getByRole('button', { name: 'Try again' }).click();
    await page.getByRole('heading', { name: /Possible matches in/ }).waitFor();
  });
});
