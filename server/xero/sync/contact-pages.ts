import type { Contact } from 'xero-node';
import { AppError } from '../../../shared/errors';
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
  const { body } = await paced(() =>
    session.call((client, tenantId) =>
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
    ),
  );
  return {
    contacts: body.contacts ?? [],
    pageCount: body.pagination?.pageCount ?? null,
    itemCount: body.pagination?.itemCount ?? null,
  };
}

const maxPacedWaits = 10;
const maxPacedWaitSeconds = 65;

/**
 * A sync is not in a hurry: when the organisation's minute allowance is spent (our governor or Xero's
 * 429 says so, with how long to wait), it waits and asks again rather than failing, a bounded number of
 * times. A user's page view would rather fail fast; a background job would rather finish.
 */
async function paced<T>(call: () => Promise<T>): Promise<T> {
  for (let waits = 0; ; waits += 1) {
    try {
      return await call();
    } catch (error) {
      const retryAfter =
        error instanceof AppError && error.code === 'XERO_RATE_LIMITED' ? error.details.retryAfter : undefined;
      if (retryAfter === undefined || retryAfter > maxPacedWaitSeconds || waits >= maxPacedWaits) throw error;
      await new Promise((resolve) => setTimeout(resolve, retryAfter * 1000));
    }
  }
}
