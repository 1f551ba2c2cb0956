import { EnvError } from '../env';
import { refreshIdleConnections } from '../xero/keep-alive';
import { openCliDeps } from './cli-deps';

/** `npm run xero:keep-alive`: refreshes connections idle for XERO_KEEPALIVE_DAYS (for cron, say daily). */
try {
  const { env, database, deps } = await openCliDeps();
  const report = await refreshIdleConnections(deps.xero, env.xero.keepAliveDays);
  await database.close();
  if (!report.ran) console.log('Keep-alive did not run: Xero is not configured.');
  else
    console.log(
      `Keep-alive: ${report.refreshed} refreshed, ${report.needReauth} need reconnecting, ${report.failed} failed (Xero unreachable).`,
    );
  process.exit(report.failed > 0 ? 1 : 0);
} catch (error) {
  console.error(
    error instanceof EnvError
      ? error.message
      : `Keep-alive failed: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
}
