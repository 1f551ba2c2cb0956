import type { XeroSyncState } from '../mirror/schema';
import type { XeroDeps } from '../xero-deps';
import { fetchContactPage, syncPageSize } from './contact-pages';
import { toMirrorRow, type MirrorContactInsert } from './contact-row';
import { storePage } from './sync-state-store';
import type { TenantSession } from './tenant-session';

/**
 * Fetches what changed since the cursor (created, updated and archived contacts alike), oldest change
 * first. The cursor moves to the newest change of a page only once that page is stored, and the next
 * request starts from it again rather than from page 2: a contact changed while we walk moves to the
 * end of Xero's list, and by-value paging cannot skip over its neighbours the way page numbers would.
 * If-Modified-Since is exclusive, so asking from one millisecond earlier re-reads the boundary contacts
 * (harmlessly) instead of missing one that shares the boundary's timestamp.
 */
export async function runIncrementalSync(
  deps: XeroDeps,
  session: TenantSession,
  state: XeroSyncState,
): Promise<number> {
  const { db } = deps;
  const tenantId = state.tenantId;
  let cursor = state.cursor ?? new Date(0);
  let page = 1;
  let changed = 0;
  for (;;) {
    const since = new Date(cursor.getTime() - 1);
    const result = await fetchContactPage(session, page, since);
    const rows = result.contacts
      .map((contact) => toMirrorRow(tenantId, contact))
      .filter((row): row is MirrorContactInsert => row !== null);
    const newest = rows.reduce((max, row) => Math.max(max, row.updatedDateUtc.getTime()), cursor.getTime());
    const moved = newest > cursor.getTime();
    cursor = new Date(newest);
    changed += rows.length;
    await storePage(db, tenantId, rows, { cursor });
    // Open pages of this organisation refetch; the boundary contacts read again are no change.
    const changedIds = rows
      .filter((row) => row.updatedDateUtc.getTime() > since.getTime() + 1)
      .map((row) => row.contactId);
    if (changedIds.length > 0) await deps.changes.publish({ tenantId, contactIds: changedIds });
    if (result.contacts.length < syncPageSize) return changed;
    // A full page that did not move the cursor is a page of equal timestamps: only then page on.
    page = moved ? 1 : page + 1;
  }
}
