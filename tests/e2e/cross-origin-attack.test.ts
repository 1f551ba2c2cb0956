import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../server/db/schema';
import { xeroConnections } from '../../server/xero/schema';
import { spaDir } from '../../server/spa-build';
import { browserAvailable, launchChromium } from '../support/chromium';
import { signUpInBrowser } from '../support/browser-accounts';
import { startTestServer, type RunningTestServer } from '../support/test-app';

const hasBrowser = browserAvailable();

/**
 * A page on another port of the same host: the same *site* as the app, so SameSite=Lax cookies travel
 * with its requests, but another *origin*. Its forms and no-cors fetches are what a browser sends
 * cross-origin without asking the server first (no CORS preflight).
 */
function attackPage(appUrl: string): string {
  const forms = ['multipart/form-data', 'text/plain', 'application/x-www-form-urlencoded']
    .flatMap((enctype, index) =>
      attackTargets.map(
        (target) =>
          `<iframe name="f${index}-${target.id}"></iframe>` +
          `<form id="${enctype.split('/')[0]}-${target.id}" method="post" enctype="${enctype}" ` +
          `action="${appUrl}${target.path}" target="f${index}-${target.id}"><input name="json" value="{}"></form>`,
      ),
    )
    .join('\n');
  return `<!doctype html><title>attacker</title>${forms}`;
}

const attackTargets = [
  { id: 'disconnect', path: '/trpc/xero.disconnect' },
  { id: 'unlink', path: '/trpc/xero.unlinkUser' },
  { id: 'trpc-sign-out', path: '/trpc/auth.signOut' },
  { id: 'sign-out', path: '/api/auth/sign-out' },
] as const;

describe.skipIf(!hasBrowser)('state changes from another origin of the same site', () => {
  let server: RunningTestServer;
  let browser: Browser;
  let attacker: Server;
  let attackerUrl: string;

  beforeAll(async () => {
    server = await startTestServer({ spaDir });
    browser = await launchChromium();
    attacker = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' }).end(attackPage(server.url));
    });
    await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
    attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}/`;
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => attacker?.close(resolve));
    await server?.stop();
  });

  async function connectedUser(email: string): Promise<{ context: BrowserContext; page: Page; userId: string }> {
    const context = await browser.newContext({ baseURL: server.url });
    const page = await context.newPage();
    await signUpInBrowser(page, email);
    await page.goto('/integrations/xero');
    await page.getByRole('button', { name: 'Connect to Xero' }).click();
    await page.getByRole('button', { name: 'Allow access' }).click();
    await page.getByRole('heading', { name: 'Connected' }).waitFor();
    const [user] = await server.db.db.select({ id: users.id }).from(users).where(eq(users.email, email));
    const userId = user?.id ?? '';
    await server.db.db
      .update(xeroConnections)
      .set({ linkedXeroUserId: 'linked-before-the-attack' })
      .where(eq(xeroConnections.userId, userId));
    return { context, page, userId };
  }

  async function answerTo(page: Page, path: string, attack: () => Promise<unknown>): Promise<number> {
    const [response] = await Promise.all([
      page.waitForResponse(
        (response) => response.url() === `${server.url}${path}` && response.request().method() === 'POST',
      ),
      attack(),
    ]);
    return response.status();
  }

  async function stillSignedInAndConnected(context: BrowserContext, userId: string): Promise<void> {
    const me = await context.request.get(`${server.url}/trpc/auth.me`);
    expect(((await me.json()) as { result: { data: { json: { id: string } | null } } }).result.data.json?.id).toBe(
      userId,
    );
    const [connection] = await server.db.db
      .select({ linked: xeroConnections.linkedXeroUserId })
      .from(xeroConnections)
      .where(eq(xeroConnections.userId, userId));
    expect(connection?.linked).toBe('linked-before-the-attack');
  }

  it('refuses form posts (multipart, text/plain, urlencoded) with 403 and changes nothing', async () => {
    const { context, userId } = await connectedUser('form-victim@example.com');
    const page = await context.newPage();
    await page.goto(attackerUrl);
    for (const enctype of ['multipart', 'text', 'application']) {
      for (const target of attackTargets) {
        const status = await answerTo(page, target.path, () =>
          page.evaluate((id) => (document.getElementById(id) as HTMLFormElement).submit(), `${enctype}-${target.id}`),
        );
        expect({ attack: `${enctype} ${target.path}`, status }).toEqual({
          attack: `${enctype} ${target.path}`,
          status: 403,
        });
      }
    }
    await stillSignedInAndConnected(context, userId);
  });

  it('refuses no-cors fetches with credentials with 403 and changes nothing', async () => {
    const { context, userId } = await connectedUser('fetch-victim@example.com');
    const page = await context.newPage();
    await page.goto(attackerUrl);
    for (const target of attackTargets) {
      for (const body of ['form-data', 'text']) {
        const status = await answerTo(page, target.path, () =>
          page.evaluate(
            ({ url, kind }) =>
              fetch(url, {
                method: 'POST',
                mode: 'no-cors',
                credentials: 'include',
                body: kind === 'text' ? '{}' : new FormData(),
              }),
            { url: `${server.url}${target.path}`, kind: body },
          ),
        );
        expect({ attack: `fetch ${body} ${target.path}`, status }).toEqual({
          attack: `fetch ${body} ${target.path}`,
          status: 403,
        });
      }
    }
    await stillSignedInAndConnected(context, userId);
  });

  it('still lets the app itself sign out', async () => {
    const { page } = await connectedUser('own-origin@example.com');
    await page.goto('/');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  });
});
