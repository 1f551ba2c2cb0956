import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword, newUserInput, startTestServer, type RunningTestServer } from '../support/test-app';

let server: RunningTestServer;
let spaDir: string;

beforeAll(async () => {
  spaDir = mkdtempSync(join(tmpdir(), 'spa-'));
  mkdirSync(join(spaDir, 'assets'));
  writeFileSync(join(spaDir, 'index.html'), '<!doctype html><title>spa index</title>');
  writeFileSync(join(spaDir, 'assets', 'app.js'), 'console.log(1)');
  server = await startTestServer({ spaDir });
});
afterAll(async () => server.stop());

function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

describe('HTTP surface', () => {
  it('answers /healthz with 200 while the database answers', async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', database: 'up' });
  });

  it('serves the SPA for client routes and static assets', async () => {
    const page = await fetch(`${server.url}/contacts/some-id`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('spa index');
    const asset = await fetch(`${server.url}/assets/app.js`);
    expect(asset.headers.get('cache-control')).toContain('immutable');
  });

  it.each(['/trpc/unknown.route', '/api/unknown', '/xero/unknown', '/healthz/extra'])(
    'never answers %s with the SPA',
    async (path) => {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain('spa index');
    },
  );

  it('answers malformed tRPC input with 400 and field errors, never 500', async () => {
    const notJson = await post('/trpc/auth.signUp', '{not json');
    expect(notJson.status).toBeGreaterThanOrEqual(400);
    expect(notJson.status).toBeLessThan(500);
    const wrongShape = await post('/trpc/auth.signUp', { json: { email: 42 } });
    expect(wrongShape.status).toBe(400);
    const body = (await wrongShape.json()) as {
      error: { json: { message: string; data: { appCode: string; fieldErrors: Record<string, string[]> } } };
    };
    expect(body.error.json.data.appCode).toBe('VALIDATION_FAILED');
    expect(Object.keys(body.error.json.data.fieldErrors)).toEqual(
      expect.arrayContaining(['email', 'password', 'firstName', 'lastName']),
    );
    expect(body.error.json.message).toBe('Some fields need attention.');
  });

  it('answers an unknown procedure with 404 and a query sent as a mutation with 4xx', async () => {
    expect((await fetch(`${server.url}/trpc/auth.nothing`)).status).toBe(404);
    const wrongMethod = await fetch(`${server.url}/trpc/auth.signOut`);
    expect(wrongMethod.status).toBeGreaterThanOrEqual(400);
    expect(wrongMethod.status).toBeLessThan(500);
  });

  it('sets the session cookie httpOnly and SameSite=Lax over HTTP and auth.me reads it back', async () => {
    const signUp = await post('/trpc/auth.signUp', { json: newUserInput({ email: 'http@example.com' }) });
    expect(signUp.status).toBe(200);
    const cookies = signUp.headers.getSetCookie();
    const session = cookies.find((cookie) => cookie.includes('session_token'));
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Lax/i);
    const cookieHeader = cookies.map((cookie) => cookie.split(';')[0]).join('; ');
    const me = await fetch(`${server.url}/trpc/auth.me`, { headers: { cookie: cookieHeader } });
    const body = (await me.json()) as { result: { data: { json: { email: string } } } };
    expect(body.result.data.json.email).toBe('http@example.com');
  });

  it("exposes only an allow-list of the auth library's routes: its sign-up would skip our rules", async () => {
    expect((await fetch(`${server.url}/api/auth/get-session`)).status).toBe(200);
    const signUp = await post('/api/auth/sign-up/email', {
      email: 'bypass@example.com',
      password: 'aaaaaaaaaa',
      name: 'x',
      firstName: 'x',
      lastName: 'y',
    });
    expect(signUp.status).toBe(404);
  });

  it('refuses a mutation sent as a cross-site form would (text/plain), so it cannot be forged', async () => {
    const forged = await fetch(`${server.url}/trpc/auth.signUp`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', origin: 'https://evil.example' },
      body: JSON.stringify({ json: newUserInput({ email: 'forged@example.com' }) }),
    });
    expect(forged.status).toBeGreaterThanOrEqual(400);
    expect(forged.status).toBeLessThan(500);
  });

  it('sends security headers', async () => {
    const response = await fetch(`${server.url}/`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });
});

describe('failures a user can meet', () => {
  it('reports an unexpected failure with a generic message and no SQL, and /healthz turns 503', async () => {
    const doomed = await startTestServer();
    await doomed.db.close();
    const response = await fetch(`${doomed.url}/trpc/auth.signIn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: doomed.url },
      body: JSON.stringify({ json: { email: 'ada@example.com', password: demoPassword } }),
    });
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).toContain('Something went wrong on our side');
    expect(text).not.toMatch(/select|insert|relation|postgres|pglite|stack/i);
    expect((await fetch(`${doomed.url}/healthz`)).status).toBe(503);
    await doomed.stop().catch(() => undefined);
  });
});
