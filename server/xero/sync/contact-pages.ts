import type { Contact } from 'xero-node';
import type { TenantSession } from './tenant-session';

/** Xero's largest contacts page: 100 organisations' worth of contacts in 100 calls. */
export const syncPageSize = 1000;

export interface ContactPage {
  contacts: Contact[];
  pageCount: number | null;
  itemCount: number | null;
}

/**
 * One page of contacts, archived ones included (an archived contact must leave the active list here
 * too). `since` adds If-Modified-Since and orders by UpdatedDateUTC, so the incremental sync can walk
 * the changes oldest first; without it Xero's default order (by name) is the cheapest to page.
 */
export async function fetchContactPage(session: TenantSession, page: number, since: Date | null): Promise<ContactPage> {
  const { body } = await session.call((client, tenantId) =>
    client.accountingApi.getContacts(
      tenantId,
      since ?? undefined,
      undefined,
      since ? 'UpdatedDateUTC ASC, ContactID ASC' : undefined,
      undefined,
      page,
      true,
      false,
      undefined,
      syncPageSize,
    ),
  );
  return {
    contacts: body.contacts ?? [],
    pageCount: body.pagination?.pageCount ?? null,
    itemCount: body.pagination?.itemCount ?? null,
  };
}
