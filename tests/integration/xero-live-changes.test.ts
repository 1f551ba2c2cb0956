import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XeroChangeFeed, type MirrorChange } from '../../server/xero/live/change-feed';
import { CookieJar } from '../support/cookie-jar';
import { failureCodeOf } from '../support/trpc-failures';
import { startTestServer, type RunningTestServer } from '../support/test-app';
import { connectXero, signUpUser, type TestUser } from '../support/xero-connect';

let server: RunningTestServer;
let demoTenant: string;
let acmeTenant: string;
let alice: TestUser;
let bob: TestUser;

beforeAll(async () => {
  server = await startTestServer();
  [demoTenant, acmeTenant] = server.emulator.control.organisations().map((org) => org.tenantId) as [string, string];
  alice = await signUpUser(server);
  bob = await signUpUser(server);
  await connectXero(server, alice, { email: 'alice@example.com', tenantIds: [demoTenant] });
  await connectXero(server, bob, { email: 'bob@example.com', tenantIds: [acmeTenant] });
});
afterAll(async () => server.stop());

/** Collects what a subscription yields until `count` arrive or the time runs out. */
async function collect(iterable: AsyncIterable<MirrorChange>, count: number, waitMs: number) {
  const received: MirrorChange[] = [];
  const iterator = iterable[Symbol.asyncIterator]();
  const deadline = Date.now() + waitMs;
  while (received.length < count && Date.now() < deadline) {
    const next = await Promise.race([
      iterator.next(),
      new Promise<null>((resolve) => setTimeout(() => resolve(null), deadline - Date.now())),
    ]);
    if (!next || next.done) break;
    received.push(next.value);
  }
  // Not awaited: a generator waiting for its next change finishes only when the server closes.
  void iterator.return?.();
  return received;
}

describe('xero.changes', () => {
  it("tells a subscriber of its own organisation, and not another organisation's subscriber", async () => {
    const aliceChanges = await server.callerFor(alice.jar).xero.changes({ tenantId: demoTenant });
    const bobChanges = await server.callerFor(bob.jar).xero.changes({ tenantId: acmeTenant });
    const aliceGot = collect(aliceChanges, 1, 3000);
    const bobGot = collect(bobChanges, 1, 1000);
    // A second feed on the same database stands for another process: its news travels through NOTIFY.
    const elsewhere = new XeroChangeFeed(server.db.db, server.db.listen);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await elsewhere.publish({ tenantId: demoTenant, contactIds: ['00000000-0000-4000-8000-000000000001'] });
    expect(await aliceGot).toEqual([{ tenantId: demoTenant, contactIds: ['00000000-0000-4000-8000-000000000001'] }]);
    expect(await bobGot).toEqual([]);
  });

  it("refuses to subscribe to an organisation the user's connection does not include, and anonymous callers", async () => {
    expect(await failureCodeOf(server.callerFor(bob.jar).xero.changes({ tenantId: demoTenant }))).toBe('NOT_FOUND');
    const anonymous = server.callerFor(new CookieJar());
    expect(await failureCodeOf(anonymous.xero.changes({ tenantId: demoTenant }))).toBe('UNAUTHENTICATED');
  });

  it('streams to a browser as server-sent events over HTTP', async () => {
    const input = encodeURIComponent(JSON.stringify({ json: { tenantId: demoTenant } }));
    const controller = new AbortController();
    const response = await fetch(`${server.url}/trpc/xero.changes?input=${input}`, {
      headers: alice.jar.headers({ accept: 'text/event-stream' }),
      signal: controller.signal,
    });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = (response.body ?? new ReadableStream()).getReader();
    const decoder = new TextDecoder();
    setTimeout(() => void server.deps.xero.changes.publish({ tenantId: demoTenant, contactIds: null }), 200);
    let text = '';
    const deadline = Date.now() + 5000;
    while (!text.includes(demoTenant) && Date.now() < deadline) {
      const chunk = await reader.read();
      if (chunk.done) break;
      text += decoder.decode(chunk.value);
    }
    controller.abort();
    expect(text).toMatch(/data: .*"tenantId":"[0-9a-f-]+"/);
    expect(text).toContain(demoTenant);
  });
});
