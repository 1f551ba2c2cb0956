import { and, eq, lt, sql } from 'drizzle-orm';
// eslint-disable-next-line no-restricted-imports -- the hand-made lease goes when keep-alive moves onto the job queue
import { releaseLease, tryTakeLease } from '../db/job-lease';
import { xeroConnections } from './schema';
import { freshTokens } from './token-refresh';
import type { XeroDeps } from './xero-deps';

export interface KeepAliveReport {
  ran: boolean;
  refreshed: number;
  needReauth: number;
  failed: number;
}

const leaseName = 'xero-keep-alive';
const leaseMs = 15 * 60 * 1000;

/**
 * Refresh tokens expire after 60 days unused. Connections idle longer than `idleDays` are refreshed
 * so a user who has not visited in weeks still has a working connection. One process at a time runs
 * it, by a lease row.
 */
export async function refreshIdleConnections(deps: XeroDeps, idleDays: number): Promise<KeepAliveReport> {
  const config = await deps.config.current();
  if (!config) return { ran: false, refreshed: 0, needReauth: 0, failed: 0 };
  if (!(await tryTakeLease(deps.db, leaseName, leaseMs, deps.now())))
    return { ran: false, refreshed: 0, needReauth: 0, failed: 0 };
  try {
    // A raw expression gets no column type, so the timestamp is passed as text (postgres.js would refuse a Date).
    const idleSince = new Date(deps.now().getTime() - idleDays * 24 * 60 * 60 * 1000);
    const idle = await deps.db
      .select()
      .from(xeroConnections)
      .where(
        and(
          eq(xeroConnections.status, 'active'),
          lt(
            sql`coalesce(${xeroConnections.lastRefreshedAt}, ${xeroConnections.authorisedAt})`,
            idleSince.toISOString(),
          ),
        ),
      );
    const report: KeepAliveReport = { ran: true, refreshed: 0, needReauth: 0, failed: 0 };
    for (const connection of idle) {
      try {
        await freshTokens(deps, config, connection, { force: { seenVersion: connection.tokenVersion } });
        report.refreshed += 1;
      } catch (error) {
        if ((error as { code?: string }).code === 'XERO_REAUTH_REQUIRED') report.needReauth += 1;
        else report.failed += 1;
      }
    }
    return report;
  } finally {
    await releaseLease(deps.db, leaseName);
  }
}

/** Runs the keep-alive every `intervalMs` in this process; returns a function that stops it. */
export function scheduleKeepAlive(
  deps: XeroDeps,
  idleDays: number,
  intervalMs: number,
  onReport: (report: KeepAliveReport) => void,
): () => void {
  const run = () => {
    refreshIdleConnections(deps, idleDays).then(onReport, () =>
      onReport({ ran: false, refreshed: 0, needReauth: 0, failed: 1 }),
    );
  };
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
