import { sql } from 'drizzle-orm';
import { xeroMirrorContacts, type XeroSyncState } from '../mirror/schema';
import { fetchContactPage, syncPageSize } from './contact-pages';
import { toMirrorRow, type MirrorContactInsert } from './contact-row';
import { storePage, updateSyncState } from './sync-state-store';
import type { TenantSession } from './tenant-session';
import type { XeroDeps } from '../xero-deps';

// Xero's clock and ours may differ; changes made this long before the first page are fetched again by
// the first incremental sync (harmless: a stored contact is only ever replaced by a newer one).
const clockSlackMs = 5 * 60 * 1000;

/**
 * The first full copy of an organisation's contacts, page by page in Xero's default order, archived
 * included. Each stored page moves `nextPage` on in the same transaction, so after a crash or restart
 * the sync resumes at the first page not stored. Changes made while it runs are caught by the first
 * incremental sync, whose cursor is set to just before this sync began.
 */
export async function runInitialSync(deps: XeroDeps, session: TenantSession, state: XeroSyncState): Promise<void> {
  const { db, now } = deps;
  const tenantId = state.tenantId;
  if (!state.cursor) {
    await updateSyncState(db, tenantId, { cursor: new Date(now().getTime() - clockSlackMs) });
  }
  let contactsDone = state.contactsDone;
  for (let page = state.nextPage; ; page += 1) {
    const result = await fetchContactPage(session, page, null);
    const rows = result.contacts
      .map((contact) => toMirrorRow(tenantId, contact))
      .filter((row): row is MirrorContactInsert => row !== null);
    contactsDone += rows.length;
    const last = result.contacts.length < syncPageSize;
    await storePage(db, tenantId, rows, {
      nextPage: page + 1,
      pagesDone: page,
      pagesTotal: result.pageCount ?? page,
      contactsDone,
      contactsTotal: result.itemCount ?? contactsDone,
      ...(last ? { phase: 'incremental' as const, initialDoneAt: now() } : {}),
    });
    if (last) {
      // The table just grew by a whole organisation: fresh statistics let the planner choose between
      // the trigram and the name indexes well (PGlite has no autovacuum to do it later).
      await db.execute(sql`analyze ${xeroMirrorContacts}`);
      // Only now: until the mirror is complete, pages read live from Xero, and a refetch per stored
      // page would cost Xero a call per page per open browser. Progress reaches them by the status.
      await deps.changes.publish({ tenantId, contactIds: null });
      return;
    }
  }
}
