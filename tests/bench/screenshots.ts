import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildSpa, projectRoot, spaDir, spaNeedsBuild } from '../../server/spa-build';
import { axeViolations } from '../support/axe';
import { launchChromium } from '../support/chromium';
import { tourCredentialSource, tourEveryPage, type Visit } from '../support/page-tour';
import { startTestServer } from '../support/test-app';

/**
 * Screenshots of every page and state at a laptop (1280×800) and a phone (390×844) size, into
 * screenshots/ (git-ignored), with axe's findings for each. `npx tsx tests/bench/screenshots.ts`
 */
const laptop = { width: 1280, height: 800 };
const sizes = [laptop, { width: 390, height: 844 }];
const outDir = join(projectRoot, 'screenshots');
mkdirSync(outDir, { recursive: true });
if (spaNeedsBuild()) await buildSpa();
const server = await startTestServer({
  spaDir,
  credentialsIn: 'settings',
  emulator: { seed: { contactsPerOrganisation: 274 } },
});
const otherSources = {
  emulator: await startTestServer({ spaDir, credentialsIn: 'emulator' }),
  environment: await startTestServer({ spaDir, credentialsIn: 'environment' }),
};
const browser = await launchChromium();
let count = 0;
const shoot: Visit = async (name, page) => {
  for (const size of sizes) {
    await page.setViewportSize(size);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    await page.screenshot({ path: join(outDir, `${name}-${size.width}.png`), fullPage: true });
    count += 1;
    const violations = await axeViolations(page);
    const summary = violations.map((v) => `${v.impact} ${v.id} (${v.targets.join(', ')})`).join('; ') || 'none';
    console.log(
      `${name} @${size.width}: title "${await page.title()}", sideways overflow ${overflow}px, axe: ${summary}`,
    );
  }
  await page.setViewportSize(laptop);
};
try {
  await tourEveryPage(browser, server, shoot);
  for (const [mode, other] of Object.entries(otherSources))
    await tourCredentialSource(browser, other, mode as keyof typeof otherSources, shoot);
} finally {
  await browser.close();
  await Promise.all([server, ...Object.values(otherSources)].map((running) => running.stop()));
}
console.log(`${count} screenshots in ${outDir}`);
