import { and, eq, lt, sql } from 'drizzle-orm';
import { AppError } from '../../shared/errors';
import { xeroConnections } from './schema';
import { freshTokens } from './token-refresh';
import type { XeroDeps } from './xero-deps';

export interface KeepAliveReport {
  ran: boolean;
  refreshed: number;
  needReauth: number;
  failed: number;
}

/**
 * Refresh tokens expire after 60 days unused. Connections idle longer than `idleDays` are refreshed
 * so a user who has not visited in weeks still has a working connection. The job queue runs it in one
 * process at a time; two runs overlapping (the CLI beside the server) are safe, because each refresh
 * takes the connection's row lock and re-reads it.
 */
export async function refreshIdleConnections(deps: XeroDeps, idleDays: number): Promise<KeepAliveReport> {
  const config = await deps.config.current();
  if (!config) return { ran: false, refreshed: 0, needReauth: 0, failed: 0 };
  // A raw expression gets no column type, so the timestamp is passed as text (postgres.js would refuse a Date).
  const idleSince = new Date(deps.now().getTime() - idleDays * 24 * 60 * 60 * 1000);
  const idle = await deps.db
    .select()
    .from(xeroConnections)
    .where(
      and(
        eq(xeroConnections.status, 'active'),
        lt(sql`coalesce(${xeroConnections.lastRefreshedAt}, ${xeroConnections.authorisedAt})`, idleSince.toISOString()),
      ),
    );
  const report: KeepAliveReport = { ran: true, refreshed: 0, needReauth: 0, failed: 0 };
  for (const connection of idle) {
    try {
      await freshTokens(deps, config, connection, { force: { seenVersion: connection.tokenVersion } });
      report.refreshed += 1;
    } catch (error) {
      if (error instanceof AppError && error.code === 'XERO_REAUTH_REQUIRED') report.needReauth += 1;
      else report.failed += 1;
    }
  }
  return report;
}
