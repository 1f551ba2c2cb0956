import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spaDir } from '../../server/spa-build';
import { axeViolations, blocking, type AxeViolation } from '../support/axe';
import { browserAvailable, launchChromium } from '../support/chromium';
import { tourCredentialSource, tourEveryPage, type Visit } from '../support/page-tour';
import { startTestServer, type RunningTestServer } from '../support/test-app';

const hasBrowser = browserAvailable();

describe.skipIf(!hasBrowser)('accessibility of every page', () => {
  let server: RunningTestServer;
  let builtInEmulator: RunningTestServer;
  let fromEnvironment: RunningTestServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, builtInEmulator, fromEnvironment] = await Promise.all([
      startTestServer({ spaDir, credentialsIn: 'settings', emulator: { seed: { contactsPerOrganisation: 60 } } }),
      startTestServer({ spaDir, credentialsIn: 'emulator' }),
      startTestServer({ spaDir, credentialsIn: 'environment' }),
    ]);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await Promise.all([server?.stop(), builtInEmulator?.stop(), fromEnvironment?.stop()]);
  });

  it('has no serious or critical axe violation, an h1 and its own title, at laptop and phone sizes, light and dark', async () => {
    const found: { state: string; violation: AxeViolation }[] = [];
    const visited: string[] = [];
    const check: Visit = async (state, page) => {
      for (const viewport of [
        { width: 1280, height: 800 },
        { width: 390, height: 844 },
      ]) {
        await page.setViewportSize(viewport);
        for (const violation of (await axeViolations(page)).filter(blocking))
          found.push({ state: `${state} @${viewport.width}`, violation });
      }
      await page.setViewportSize({ width: 1280, height: 800 });
      expect(await page.locator('h1').count(), `${state} has an h1`).toBeGreaterThan(0);
      // The emulator's own pages (consent, the contact "Open in Xero" leads to) are titled as the emulator's.
      if (!state.startsWith('emulator-')) expect(await page.title(), state).toMatch(/^[A-Z][\w ]+ · Xero Connect$/);
      visited.push(state);
    };
    await tourEveryPage(browser, server, check);
    await tourCredentialSource(browser, builtInEmulator, 'emulator', check);
    await tourCredentialSource(browser, fromEnvironment, 'environment', check);
    expect(visited).toEqual(expect.arrayContaining(['contacts-synced', 'contacts-sync-failing', 'settings-emulator']));
    expect(visited.length).toBeGreaterThan(35);
    expect(found, JSON.stringify(found, null, 2)).toEqual([]);
  }, 240_000);
});
