import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Where the system Chromium is, if anywhere. Browser downloads are not used: the OS package is. */
export function chromiumPath(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((path): path is string => Boolean(path) && existsSync(path as string)) ?? null;
}

/** In CI, or when asked, a missing browser is a failure rather than a skip. */
export function browserTestsRequired(): boolean {
  return process.env.CI === 'true' || process.env.REQUIRE_E2E === '1';
}

/** Whether this run has a browser; says so loudly when it has not and may skip. */
export function browserAvailable(): boolean {
  if (chromiumPath()) return true;
  if (browserTestsRequired()) {
    throw new Error(
      'Chromium was not found (set CHROMIUM_PATH or install the chromium package); browser tests are required here.',
    );
  }
  console.warn('\n*** Chromium not found: SKIPPING the browser tests. Install chromium or set CHROMIUM_PATH. ***\n');
  return false;
}

export async function launchChromium(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('Chromium not found');
  return chromium.launch({
    executablePath,
    headless: true,
    // Without these, Chromium reaches for Google services at start, which this closed network refuses.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
