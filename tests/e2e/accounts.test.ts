import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spaDir } from '../../server/spa-build';
import { signUpInBrowser } from '../support/browser-accounts';
import { browserAvailable, launchChromium } from '../support/chromium';
import { demoPassword, startTestServer, type RunningTestServer } from '../support/test-app';

const hasBrowser = browserAvailable();

describe.skipIf(!hasBrowser)('accounts in the browser', () => {
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

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ baseURL: server.url });
    return context.newPage();
  }

  const signUp = signUpInBrowser;

  it('sends a signed-out visitor to sign-in and back where they were going afterwards', async () => {
    const page = await newPage();
    await signUp(page, 'return@example.com');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();

    await page.goto('/deep/link?x=1');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(new URL(page.url()).searchParams.get('next')).toBe('/deep/link?x=1');
    await page.getByLabel('Email').fill('return@example.com');
    await page.getByLabel('Password').fill(demoPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/deep/link');
  });

  it('signs up, signs out, signs in again, and shows the name in the shell', async () => {
    const page = await newPage();
    await signUp(page, 'ada@example.com');
    await expect(page.locator('.user-name').textContent()).resolves.toBe('Ada Lovelace');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.getByLabel('Email').fill('ada@example.com');
    await page.getByLabel('Password').fill(demoPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Welcome, Ada' }).waitFor();
  });

  it('shows one generic error for a wrong password', async () => {
    const page = await newPage();
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill('ada@example.com');
    await page.getByLabel('Password').fill('definitely wrong');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toBe('Email or password is incorrect.');
  });

  it('shows field errors for a weak password and a taken email, next to their inputs', async () => {
    const page = await newPage();
    await page.goto('/sign-up');
    await page.getByLabel('First name').fill('Ada');
    await page.getByLabel('Last name').fill('Lovelace');
    await page.getByLabel('Email').fill('ada@example.com');
    await page.getByLabel('Password').fill('short');
    await page.getByRole('button', { name: 'Create account' }).click();
    const password = page.getByLabel('Password');
    await page.locator('.field-error').first().waitFor();
    await expect(password.getAttribute('aria-invalid')).resolves.toBe('true');
    await password.fill(demoPassword);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByText('An account with this email already exists. Sign in instead?').waitFor();
    await expect(page.getByLabel('Email').getAttribute('aria-invalid')).resolves.toBe('true');
  });
});
