import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { contactsInput } from '../../../shared/xero-inputs';
import { getContact, listContacts, type ContactDetailDto, type ContactsPage } from '../contacts-service';
import type { XeroDeps } from '../xero-deps';
import { openXeroSession } from '../xero-session';
import { getMirrorContact, listMirrorContacts } from './contact-reader';
import { xeroSyncStates } from './schema';
import { userTenant } from './user-tenant';

/** Whether an organisation's first full sync is done, so its mirror is complete enough to answer. */
async function mirrorReady(deps: XeroDeps, tenantId: string): Promise<boolean> {
  const [state] = await deps.db
    .select({ initialDoneAt: xeroSyncStates.initialDoneAt })
    .from(xeroSyncStates)
    .where(eq(xeroSyncStates.tenantId, tenantId));
  return Boolean(state?.initialDoneAt);
}

/**
 * The contacts of the user's selected organisation: from the mirror once its first full sync is done
 * (no Xero call at all, not even a token refresh), live from Xero until then.
 */
export async function contactsForUser(
  deps: XeroDeps,
  userId: string,
  input: z.output<typeof contactsInput>,
): Promise<ContactsPage> {
  const { tenantId } = await userTenant(deps.db, userId);
  if (await mirrorReady(deps, tenantId)) return listMirrorContacts(deps.db, tenantId, input);
  return listContacts(await openXeroSession(deps, userId), input);
}

export async function contactForUser(deps: XeroDeps, userId: string, contactId: string): Promise<ContactDetailDto> {
  const { tenantId } = await userTenant(deps.db, userId);
  if (await mirrorReady(deps, tenantId)) return getMirrorContact(deps.db, tenantId, contactId);
  return getContact(await openXeroSession(deps, userId), contactId);
}
