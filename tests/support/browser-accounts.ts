import type { Page } from 'playwright-core';
import { demoPassword } from './test-app';

/** Signs up through the app's own form, as a person would, and waits for the signed-in home page. */
export async function signUpInBrowser(
  page: Page,
  email: string,
  name = { first: 'Ada', last: 'Lovelace' },
): Promise<void> {
  await page.goto('/sign-up');
  await page.getByLabel('First name').fill(name.first);
  await page.getByLabel('Last name').fill(name.last);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(demoPassword);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('heading', { name: `Welcome, ${name.first}` }).waitFor();
}
