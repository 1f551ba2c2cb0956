import type { z } from 'zod';
import type { ContactRole, contactsInput } from '../../../shared/xero-inputs';
import { getContact, listContacts, type ContactDetailDto } from '../contacts-service';
import type { XeroDeps } from '../xero-deps';
import { openXeroSession } from '../xero-session';
import { getMirrorContact, listMirrorContacts, type MirrorContactsPage } from './contact-reader';
import { userTenant } from './user-tenant';

/** A page of contacts, with the role filter it answers (a page shown while the next loads says which). */
export type ContactsAnswer = MirrorContactsPage & { role: ContactRole };

/**
 * The contacts of the user's selected organisation: from the mirror once its first full sync is done
 * (no Xero call at all, not even a token refresh), live from Xero until then.
 */
export async function contactsForUser(
  deps: XeroDeps,
  userId: string,
  input: z.output<typeof contactsInput>,
): Promise<ContactsAnswer> {
  const { tenantId, sync } = await userTenant(deps.db, userId);
  if (sync?.initialDoneAt) return { ...(await listMirrorContacts(deps.db, tenantId, input, sync)), role: input.role };
  const live = await listContacts(await openXeroSession(deps, userId), input);
  return { ...live, countCapped: false, role: input.role };
}

export async function contactForUser(deps: XeroDeps, userId: string, contactId: string): Promise<ContactDetailDto> {
  const { tenantId, sync } = await userTenant(deps.db, userId);
  if (sync?.initialDoneAt) return getMirrorContact(deps.db, tenantId, contactId);
  return getContact(await openXeroSession(deps, userId), contactId);
}
