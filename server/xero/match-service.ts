import { eq } from 'drizzle-orm';
import { AppError } from '../../shared/errors';
import type { XeroDb } from './xero-db';
import { xeroConnections } from './schema';
import type { XeroViewer } from './viewer';
import { notConnected } from './module-errors';
import { rankCandidates, type Candidate, type OrgUser } from './guess-user';
import type { XeroSession } from './xero-session';

export interface GuessUserResult {
  candidates: Candidate[];
  /** The organisation user this account is linked to, if any (and still in the organisation). */
  linkedUser: OrgUser | null;
  organisation: string;
  usersChecked: number;
}

async function organisationUsers(session: XeroSession): Promise<OrgUser[]> {
  const { body } = await session.call((client, tenantId) => client.accountingApi.getUsers(tenantId));
  return (body.users ?? [])
    .filter((user) => user.userID)
    .map((user) => ({
      userId: user.userID ?? '',
      email: user.emailAddress ?? '',
      firstName: user.firstName ?? '',
      lastName: user.lastName ?? '',
      role: String(user.organisationRole ?? ''),
    }));
}

export async function guessUser(session: XeroSession, viewer: XeroViewer): Promise<GuessUserResult> {
  const orgUsers = await organisationUsers(session);
  const candidates = rankCandidates(
    {
      email: viewer.email,
      xeroEmail: viewer.xeroEmail,
      firstName: viewer.firstName,
      lastName: viewer.lastName,
    },
    { xeroUserId: session.identity.xeroUserId, email: session.identity.email },
    orgUsers,
  );
  return {
    candidates,
    linkedUser: orgUsers.find((orgUser) => orgUser.userId === session.linkedXeroUserId) ?? null,
    organisation: session.tenant.name,
    usersChecked: orgUsers.length,
  };
}

/** Saves "this Xero user is me": only a user of the selected organisation can be chosen. */
export async function linkUser(db: XeroDb, session: XeroSession, xeroUserId: string): Promise<OrgUser> {
  const orgUsers = await organisationUsers(session);
  const chosen = orgUsers.find((orgUser) => orgUser.userId.toLowerCase() === xeroUserId.toLowerCase());
  if (!chosen) throw new AppError('NOT_FOUND', `That person is not a user of ${session.tenant.name}.`);
  await db
    .update(xeroConnections)
    .set({ linkedXeroUserId: chosen.userId, updatedAt: new Date() })
    .where(eq(xeroConnections.id, session.connectionId));
  return chosen;
}

export async function unlinkUser(db: XeroDb, userId: string): Promise<{ unlinked: true }> {
  const updated = await db
    .update(xeroConnections)
    .set({ linkedXeroUserId: null, updatedAt: new Date() })
    .where(eq(xeroConnections.userId, userId))
    .returning({ id: xeroConnections.id });
  if (updated.length === 0) throw notConnected();
  return { unlinked: true };
}
