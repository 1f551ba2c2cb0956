import { createXeroDeps } from '../../../server/xero/create-xero-deps';
import type { XeroCallLimits } from '../../../server/xero/calls/call-limits';
import type { XeroStaticConfig } from '../../../server/xero/config';
import type { SecretCipher } from '../../../server/xero/secret-cipher';
import type { XeroDb } from '../../../server/xero/xero-db';
import { openXeroSessionForConnection } from '../../../server/xero/xero-session';

export interface FleetMember {
  db: XeroDb;
  cipher: SecretCipher;
  xero: XeroStaticConfig;
  limits: Partial<XeroCallLimits>;
}

export interface FleetPlan {
  connectionId: string;
  tenantId: string;
  calls: number;
  budgetMs: number;
  /** Open a session for every call (each refreshes if the token is expired) instead of one for all. */
  sessionPerCall?: boolean;
}

/** What one app instance saw: how many calls succeeded, and the codes of those that failed. */
export interface FleetReport {
  ok: number;
  failures: Record<string, number>;
}

/**
 * One app instance of a fleet: its own Xero module (gate, governor, breakers, single-flight) on the shared
 * database, making `calls` concurrent guarded calls for one organisation, as background work would.
 */
export async function runFleetMember(member: FleetMember, plan: FleetPlan): Promise<FleetReport> {
  const deps = createXeroDeps({
    db: member.db,
    cipher: member.cipher,
    config: member.xero,
    emulator: null,
    limits: member.limits,
  });
  const open = () => openXeroSessionForConnection(deps, plan.connectionId, plan.tenantId, { budgetMs: plan.budgetMs });
  const shared = plan.sessionPerCall ? null : await open();
  const report: FleetReport = { ok: 0, failures: {} };
  await Promise.all(
    Array.from({ length: plan.calls }, async () => {
      try {
        const session = shared ?? (await open());
        await session.call('list contacts', (client, tenantId) =>
          client.accountingApi.getContacts(tenantId, undefined, undefined, undefined, undefined, 1),
        );
        report.ok += 1;
      } catch (error) {
        const code = (error as { code?: string }).code ?? 'unknown';
        report.failures[code] = (report.failures[code] ?? 0) + 1;
      }
    }),
  );
  return report;
}
