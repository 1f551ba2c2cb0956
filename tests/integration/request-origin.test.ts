import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxBatchSize } from '../../shared/api-limits';
import { crossOriginRefusal, registerSameOriginGuard } from '../../server/http/same-origin-guard';
import { jsonOnlyRefusal } from '../../server/http/json-bodies-only';
import { CookieJar } from '../support/cookie-jar';
import { newUserInput, startTestServer, type RunningTestServer } from '../support/test-app';

let server: RunningTestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server.stop());

function signOut(headers: Record<string, string>, body: BodyInit = '{}') {
  return fetch(`${server.url}/trpc/auth.signOut`, { method: 'POST', headers, body });
}

describe('state changes come from our own origin', () => {
  it.each<[string, () => Record<string, string>]>([
    ['no Origin and no Sec-Fetch-Site (not a page of ours)', () => ({})],
    ['another port of the same host', () => ({ origin: server.url.replace(/:\d+$/, ':1') })],
    ['another site', () => ({ origin: 'https://evil.example' })],
    ['an opaque origin', () => ({ origin: 'null' })],
    ['Sec-Fetch-Site: same-site', () => ({ 'sec-fetch-site': 'same-site' })],
  ])('refuses a POST from %s with 403 and a sentence', async (_case, headers) => {
    const response = await signOut({ 'content-type': 'application/json', ...headers() });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ error: crossOriginRefusal });
  });

  it('refuses other methods and non-tRPC routes too (the auth library sign-out)', async () => {
    const put = await fetch(`${server.url}/trpc/auth.signOut`, { method: 'PUT' });
    expect(put.status).toBe(403);
    const authSignOut = await fetch(`${server.url}/api/auth/sign-out`, {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'content-type': 'application/json' },
      body: '{}',
    });
    expect(authSignOut.status).toBe(403);
  });

  it('accepts our origin, or Sec-Fetch-Site: same-origin', async () => {
    expect((await signOut({ 'content-type': 'application/json', origin: server.url })).status).toBe(200);
    expect((await signOut({ 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' })).status).toBe(200);
  });

  it('leaves reads alone', async () => {
    expect((await fetch(`${server.url}/trpc/auth.me`, { headers: { origin: 'https://evil.example' } })).status).toBe(
      200,
    );
  });

  it("lets Xero's webhook POSTs through (no Origin, server to server): their signature decides", async () => {
    const unsigned = await fetch(`${server.url}/xero/webhooks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"events":[]}',
    });
    expect(unsigned.status).toBe(401);
  });

  it('lets a route opt out explicitly, and only that route', async () => {
    const app = Fastify();
    registerSameOriginGuard(app, ['https://app.example']);
    app.post('/webhooks', { config: { acceptsCrossOrigin: true } }, async () => ({ received: true }));
    app.post('/other', async () => ({ changed: true }));
    expect((await app.inject({ method: 'POST', url: '/webhooks', payload: {} })).statusCode).toBe(200);
    expect((await app.inject({ method: 'POST', url: '/other', payload: {} })).statusCode).toBe(403);
    await app.close();
  });
});

describe('tRPC takes JSON bodies only', () => {
  it.each([
    ['multipart/form-data', () => new FormData()],
    ['text/plain', () => '{}'],
    ['application/octet-stream', () => new Blob([new Uint8Array([1, 2, 3])])],
    ['application/x-www-form-urlencoded', () => new URLSearchParams({ json: '{}' })],
  ])('refuses %s with 415 even from our own origin', async (contentType, body) => {
    const payload = body();
    const headers: Record<string, string> = { origin: server.url };
    if (!(payload instanceof FormData)) headers['content-type'] = contentType;
    const response = await fetch(`${server.url}/trpc/xero.disconnect`, { method: 'POST', headers, body: payload });
    expect(response.status).toBe(415);
    expect(await response.json()).toEqual({ error: jsonOnlyRefusal });
  });
});

describe('batches are capped', () => {
  async function batchOfSignIns(size: number) {
    const paths = Array.from({ length: size }, () => 'auth.signIn').join(',');
    const inputs = Object.fromEntries(
      Array.from({ length: size }, (_, index) => [
        index,
        { json: { email: 'victim@example.com', password: `guess number ${index}` } },
      ]),
    );
    return fetch(`${server.url}/trpc/${paths}?batch=1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify(inputs),
    });
  }

  it(`refuses a batch bigger than ${maxBatchSize} without running any of it`, async () => {
    const caller = server.callerFor(new CookieJar());
    await caller.auth.signUp(newUserInput({ email: 'victim@example.com' }));
    const response = await batchOfSignIns(60);
    expect(response.status).toBe(400);
    const rows = await server.db.db.query.rateLimits.findMany();
    expect(rows).toEqual([]);
    expect((await batchOfSignIns(maxBatchSize)).status).toBe(401);
  });
});
