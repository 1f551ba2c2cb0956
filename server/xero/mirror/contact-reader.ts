import { and, asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { AppError } from '../../../shared/errors';
import type { ContactOrder, contactsInput } from '../../../shared/xero-inputs';
import { primaryPhone } from '../contact-phones';
import type { ContactDetailDto, ContactDto, ContactsPage } from '../contacts-service';
import type { XeroDb } from '../xero-db';
import { xeroMirrorContacts as contacts, type XeroMirrorContact, type XeroSyncState } from './schema';

// Every order ends with the contact id, so rows with equal names or dates keep one order between pages.
const orderBy: Record<ContactOrder, SQL[]> = {
  name_asc: [asc(contacts.nameKey), asc(contacts.contactId)],
  name_desc: [desc(contacts.nameKey), desc(contacts.contactId)],
  updated_desc: [desc(contacts.updatedDateUtc), desc(contacts.contactId)],
  updated_asc: [asc(contacts.updatedDateUtc), asc(contacts.contactId)],
};

/** LIKE's own characters in a user's text are matched literally. */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (char) => `\\${char}`);

/**
 * A search counts its matches only up to this many: counting every row that contains "ltd" in a large
 * organisation costs more than finding the page itself, and nobody pages through a thousand results.
 */
export const searchCountCap = 1000;

/** What the sync counted after its last stored page: every listable contact, and customers and suppliers. */
export type SyncedCounts = Pick<
  XeroSyncState,
  'activeCount' | 'storedCount' | 'activeCustomers' | 'storedCustomers' | 'activeSuppliers' | 'storedSuppliers'
>;

function syncedCount(counts: SyncedCounts, input: z.output<typeof contactsInput>): number {
  const archived = input.includeArchived;
  if (input.role === 'customers') return archived ? counts.storedCustomers : counts.activeCustomers;
  if (input.role === 'suppliers') return archived ? counts.storedSuppliers : counts.activeSuppliers;
  return archived ? counts.storedCount : counts.activeCount;
}

/** A page of contacts; `countCapped` says there are more than `itemCount` matches. */
export type MirrorContactsPage = ContactsPage & { countCapped: boolean };

function toDto(row: XeroMirrorContact): ContactDto {
  return {
    id: row.contactId,
    name: row.name,
    firstName: row.firstName,
    lastName: row.lastName,
    email: row.email,
    status: row.status,
    isCustomer: row.isCustomer,
    isSupplier: row.isSupplier,
    contactPersons: row.persons,
    phone: primaryPhone(row.phones),
    website: row.website,
    updatedAt: row.updatedDateUtc,
  };
}

/**
 * A page of an organisation's mirrored contacts. Search folds case and accents on both sides
 * (xero_fold) and matches substrings of the name, first and last name, email, contact number and the
 * contact persons' names and emails; the trigram index answers it. One statement per figure, each on
 * a consistent snapshot, so a page never mixes rows from before and after a sync's page; the order
 * always ends with the contact id, so pages do not overlap or skip while nothing changes.
 */
export async function listMirrorContacts(
  db: XeroDb,
  tenantId: string,
  input: z.output<typeof contactsInput>,
  counts: SyncedCounts,
): Promise<MirrorContactsPage> {
  const conditions = [
    eq(contacts.tenantId, tenantId),
    inArray(contacts.status, input.includeArchived ? ['ACTIVE', 'ARCHIVED'] : ['ACTIVE']),
  ];
  if (input.search !== '') {
    conditions.push(sql`${contacts.searchText} like '%' || xero_fold(${escapeLike(input.search)}) || '%'`);
  }
  if (input.role === 'customers') conditions.push(eq(contacts.isCustomer, true));
  if (input.role === 'suppliers') conditions.push(eq(contacts.isSupplier, true));
  const where = and(...conditions);
  const [rows, itemCount] = await Promise.all([
    db
      .select()
      .from(contacts)
      .where(where)
      .orderBy(...orderBy[input.order])
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    // Without a search the sync already counted (after its last stored page), by role too.
    input.search === ''
      ? Promise.resolve(syncedCount(counts, input))
      : db
          .select({ itemCount: count() })
          .from(
            db
              .select({ one: sql`1` })
              .from(contacts)
              .where(where)
              .limit(searchCountCap + 1)
              .as('matches'),
          )
          .then(([total]) => total?.itemCount ?? 0),
  ]);
  const countCapped = input.search !== '' && itemCount > searchCountCap;
  const shownCount = countCapped ? searchCountCap : itemCount;
  return {
    contacts: rows.map(toDto),
    pagination: {
      page: input.page,
      pageSize: input.pageSize,
      pageCount: Math.ceil(shownCount / input.pageSize),
      itemCount: shownCount,
    },
    countCapped,
  };
}

export async function getMirrorContact(db: XeroDb, tenantId: string, contactId: string): Promise<ContactDetailDto> {
  const [row] = await db
    .select()
    .from(contacts)
    .where(and(eq(contacts.tenantId, tenantId), eq(contacts.contactId, contactId)));
  if (!row || row.status === 'GDPRREQUEST') throw new AppError('NOT_FOUND', 'Xero has no such contact.');
  return {
    ...toDto(row),
    contactNumber: row.contactNumber,
    phones: row.phones,
    addresses: row.addresses,
  };
}
