import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { xeroConnections } from '../../server/db/schema';
import { refreshIdleConnections } from '../../server/xero/keep-alive';
import { startTestServer, type RunningTestServer } from '../support/test-app';
import { connectXero, signUpUser } from '../support/xero-connect';

let server: RunningTestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server.stop());

const daysAgo = (days: number) => new Date(Date.now() - days * 24 * 60 * 60 * 1000);

describe('keep-alive', () => {
  it('refreshes connections idle longer than N days, leaves recent ones, and marks dead ones for reconnecting', async () => {
    const idle = await signUpUser(server);
    const recent = await signUpUser(server);
    const dead = await signUpUser(server);
    for (const [user, email] of [
      [idle, 'idle@example.com'],
      [recent, 'recent@example.com'],
      [dead, 'dead@example.com'],
    ] as const) {
      await connectXero(server, user, { email });
    }
    await server.db.db
      .update(xeroConnections)
      .set({ lastRefreshedAt: daysAgo(8) })
      .where(eq(xeroConnections.userId, idle.id));
    await server.db.db
      .update(xeroConnections)
      .set({ lastRefreshedAt: daysAgo(9) })
      .where(eq(xeroConnections.userId, dead.id));
    const deadIdentity = (await server.callerFor(dead.jar).xero.status()).identity;
    server.emulator.control.revokeGrants({ xeroUserId: deadIdentity?.xeroUserId ?? '' });

    const before = server.emulator.control.counters().tokenEndpointCalls;
    const report = await refreshIdleConnections(server.deps.xero, 7);
    expect(report).toEqual({ ran: true, refreshed: 1, needReauth: 1, failed: 0 });
    expect(server.emulator.control.counters().tokenEndpointCalls - before).toBe(2);
    const rows = await server.db.db.select().from(xeroConnections);
    const byUser = new Map(rows.map((row) => [row.userId, row]));
    expect(byUser.get(idle.id)?.lastRefreshedAt?.getTime()).toBeGreaterThan(daysAgo(1).getTime());
    expect(byUser.get(recent.id)?.tokenVersion).toBe(1);
    expect(byUser.get(dead.id)?.status).toBe('needs_reauth');
  });
});
