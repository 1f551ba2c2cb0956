import { and, eq, gt, isNull } from 'drizzle-orm';
import type { XeroCallbackError } from '../../shared/xero-callback-errors';
import { sessionHashOf } from './flow-start';
import { xeroAuthFlows, type XeroAuthFlow } from './schema';
import type { XeroDeps } from './xero-deps';

export type FlowClaim = { flow: XeroAuthFlow } | { error: XeroCallbackError };

/**
 * Claims the flow in one statement, so two callbacks with the same state cannot both proceed. It must be
 * this user's, started in this very session, unused and unexpired; otherwise the reason is worked out
 * afterwards, for a message the person can act on.
 */
export async function claimFlow(deps: XeroDeps, state: string, userId: string, sessionId: string): Promise<FlowClaim> {
  const now = deps.now();
  const sessionHash = sessionHashOf(sessionId);
  const [claimed] = await deps.db
    .update(xeroAuthFlows)
    .set({ usedAt: now })
    .where(
      and(
        eq(xeroAuthFlows.state, state),
        eq(xeroAuthFlows.userId, userId),
        eq(xeroAuthFlows.sessionHash, sessionHash),
        isNull(xeroAuthFlows.usedAt),
        gt(xeroAuthFlows.expiresAt, now),
      ),
    )
    .returning();
  if (claimed) return { flow: claimed };
  const [existing] = await deps.db.select().from(xeroAuthFlows).where(eq(xeroAuthFlows.state, state));
  if (!existing) return { error: 'state_unknown' };
  if (existing.userId !== userId) return { error: 'wrong_user' };
  if (existing.sessionHash !== sessionHash) return { error: 'wrong_session' };
  if (existing.usedAt) return { error: 'state_used' };
  return { error: 'state_expired' };
}
