import type { Browser, Page } from 'playwright-core';
import { signUpInBrowser } from './browser-accounts';
import type { RunningTestServer } from './test-app';

/** A new browser context on the test server, signed up as a new user. */
export async function signedInPage(
  browser: Browser,
  server: RunningTestServer,
  email: string,
  viewport = { width: 1280, height: 800 },
): Promise<Page> {
  const page = await (await browser.newContext({ baseURL: server.url, viewport })).newPage();
  await signUpInBrowser(page, email);
  return page;
}

/** Connects Xero from the Xero page through the emulator's consent page, as a person would. */
export async function connectInBrowser(page: Page, xeroLogin = 'ada.login@xero.example'): Promise<void> {
  await page.goto('/integrations/xero');
  await page.getByRole('button', { name: 'Connect to Xero' }).click();
  await page.getByLabel('Email').fill(xeroLogin);
  await page.getByRole('button', { name: 'Allow access' }).click();
  await page.getByRole('heading', { name: 'Connected' }).waitFor();
}
