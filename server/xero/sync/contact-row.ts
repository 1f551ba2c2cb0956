import type { Contact } from 'xero-node';
import { phonesOf } from '../contact-phones';
import type { xeroMirrorContacts } from '../mirror/schema';

export type MirrorContactInsert = typeof xeroMirrorContacts.$inferInsert;

const text = (value: string | undefined | null) => (value ? value : null);

/**
 * Xero's contact as a mirror row. A contact under a GDPR request keeps its id, status and date only:
 * Xero has been asked to erase that person, so neither do we keep a name, email or phone of theirs.
 */
export function toMirrorRow(tenantId: string, contact: Contact): MirrorContactInsert | null {
  if (!contact.contactID || !contact.updatedDateUTC) return null;
  const status = String(contact.contactStatus ?? 'ACTIVE');
  const base = {
    tenantId,
    contactId: contact.contactID,
    status,
    updatedDateUtc: new Date(contact.updatedDateUTC),
    syncedAt: new Date(),
  };
  if (status === 'GDPRREQUEST') return { ...base, name: '', personsText: '' };
  const persons = (contact.contactPersons ?? []).map((person) => ({
    firstName: text(person.firstName),
    lastName: text(person.lastName),
    email: text(person.emailAddress),
  }));
  return {
    ...base,
    name: contact.name ?? '',
    firstName: text(contact.firstName),
    lastName: text(contact.lastName),
    email: text(contact.emailAddress),
    contactNumber: text(contact.contactNumber),
    website: text(contact.website),
    isCustomer: contact.isCustomer ?? false,
    isSupplier: contact.isSupplier ?? false,
    persons,
    phones: phonesOf(contact.phones),
    addresses: (contact.addresses ?? [])
      .filter((address) => address.city || address.country)
      .map((address) => ({
        type: String(address.addressType ?? ''),
        city: text(address.city),
        country: text(address.country),
      })),
    personsText: persons
      .flatMap((person) => [person.firstName, person.lastName, person.email])
      .filter(Boolean)
      .join(' '),
  };
}
