import { and, eq, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import { AppError } from '../../../shared/errors';
import { xeroMirrorContacts, xeroSyncStates, type XeroSyncState } from '../mirror/schema';
import { xeroTenants } from '../schema';
import type { XeroDb } from '../xero-db';
import type { MirrorContactInsert } from './contact-row';

/** The sync state of an organisation, created on first sight (never synced, due now). */
export async function ensureSyncState(db: XeroDb, tenantId: string): Promise<XeroSyncState> {
  await db.insert(xeroSyncStates).values({ tenantId }).onConflictDoNothing();
  const [state] = await db.select().from(xeroSyncStates).where(eq(xeroSyncStates.tenantId, tenantId));
  if (!state) throw new Error(`No sync state for ${tenantId}`);
  return state;
}

export const staleRunMs = 30 * 60 * 1000;

/** Gives every connected organisation a sync state, and returns the ones whose next run is due. */
export async function dueOrganisations(db: XeroDb, now: Date): Promise<string[]> {
  await db.execute(
    sql`insert into ${xeroSyncStates} (tenant_id) select distinct ${xeroTenants.tenantId} from ${xeroTenants} on conflict do nothing`,
  );
  const rows = await db
    .select({ tenantId: xeroSyncStates.tenantId })
    .from(xeroSyncStates)
    .where(
      and(
        lte(xeroSyncStates.nextRunAt, now),
        // A sync that started long ago and never finished died with its process: due again.
        or(isNull(xeroSyncStates.runningSince), lt(xeroSyncStates.runningSince, new Date(now.getTime() - staleRunMs))),
      ),
    );
  return rows.map((row) => row.tenantId);
}

export async function updateSyncState(db: XeroDb, tenantId: string, changes: Partial<XeroSyncState>): Promise<void> {
  await db
    .update(xeroSyncStates)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(xeroSyncStates.tenantId, tenantId));
}

// What a list can show, counted once per stored page so that no list needs to count: a contact under a
// GDPR request is kept (as an id) but never listed, so never counted.
const listable = sql`${xeroMirrorContacts.status} in ('ACTIVE', 'ARCHIVED')`;
const active = sql`${xeroMirrorContacts.status} = 'ACTIVE'`;
const countWhere = (condition: SQL) => sql<number>`count(*) filter (where ${condition})`.mapWith(Number);
const listableCounts = {
  stored: countWhere(listable),
  active: countWhere(active),
  storedCustomers: countWhere(sql`${listable} and ${xeroMirrorContacts.isCustomer}`),
  activeCustomers: countWhere(sql`${active} and ${xeroMirrorContacts.isCustomer}`),
  storedSuppliers: countWhere(sql`${listable} and ${xeroMirrorContacts.isSupplier}`),
  activeSuppliers: countWhere(sql`${active} and ${xeroMirrorContacts.isSupplier}`),
};

/**
 * Stores one page of contacts and moves the sync state on, in one short transaction (the page was
 * fetched before it began): a crash leaves either both or neither. An older copy of a contact never
 * overwrites a newer one, so an overlapping page or a slow job cannot turn the mirror back.
 */
export async function storePage(
  db: XeroDb,
  tenantId: string,
  rows: MirrorContactInsert[],
  stateChanges: Partial<XeroSyncState>,
): Promise<void> {
  await db.transaction(async (tx) => {
    // The last connection to the organisation may have ended while the page was on its way: then the
    // page is dropped. The shared lock makes a concurrent disconnect wait for this commit, after which
    // its trigger deletes what we stored.
    const [reached] = await tx
      .select({ tenantId: xeroTenants.tenantId })
      .from(xeroTenants)
      .where(eq(xeroTenants.tenantId, tenantId))
      .limit(1)
      .for('share');
    if (!reached) throw new AppError('XERO_NOT_CONNECTED', 'No connection here reaches this organisation any more.');
    if (rows.length > 0) {
      await tx
        .insert(xeroMirrorContacts)
        .values(rows)
        .onConflictDoUpdate({
          target: [xeroMirrorContacts.tenantId, xeroMirrorContacts.contactId],
          set: {
            name: sql`excluded.name`,
            firstName: sql`excluded.first_name`,
            lastName: sql`excluded.last_name`,
            email: sql`excluded.email`,
            contactNumber: sql`excluded.contact_number`,
            website: sql`excluded.website`,
            status: sql`excluded.status`,
            isCustomer: sql`excluded.is_customer`,
            isSupplier: sql`excluded.is_supplier`,
            persons: sql`excluded.persons`,
            phones: sql`excluded.phones`,
            addresses: sql`excluded.addresses`,
            personsText: sql`excluded.persons_text`,
            updatedDateUtc: sql`excluded.updated_date_utc`,
            syncedAt: sql`excluded.synced_at`,
          },
          setWhere: sql`excluded.updated_date_utc >= ${xeroMirrorContacts.updatedDateUtc}`,
        });
    }
    const [counted] = await tx
      .select(listableCounts)
      .from(xeroMirrorContacts)
      .where(eq(xeroMirrorContacts.tenantId, tenantId));
    await tx
      .update(xeroSyncStates)
      .set({
        ...stateChanges,
        storedCount: counted?.stored ?? 0,
        activeCount: counted?.active ?? 0,
        storedCustomers: counted?.storedCustomers ?? 0,
        activeCustomers: counted?.activeCustomers ?? 0,
        storedSuppliers: counted?.storedSuppliers ?? 0,
        activeSuppliers: counted?.activeSuppliers ?? 0,
        updatedAt: new Date(),
      })
      .where(eq(xeroSyncStates.tenantId, tenantId));
  });
}
