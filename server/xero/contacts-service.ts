import type { Contact } from 'xero-node';
import type { ContactOrder, ContactRole, contactsInput } from '../../shared/xero-inputs';
import type { z } from 'zod';
import { AppError } from '../../shared/errors';
import { expectList } from './calls/response-probe';
import { phonesOf, primaryPhone, type PhoneDto } from './contact-phones';
import type { XeroSession } from './xero-session';

export interface ContactPersonDto {
  firstName: string | null;
  lastName: string | null;
  email: string | null;
}

export interface ContactDto {
  id: string;
  name: string;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  status: string;
  isCustomer: boolean;
  isSupplier: boolean;
  contactPersons: ContactPersonDto[];
  /** The number to call, for lists (see primaryPhone); the detail has them all. */
  phone: PhoneDto | null;
  website: string | null;
  updatedAt: Date | null;
}

export interface ContactDetailDto extends ContactDto {
  contactNumber: string | null;
  phones: PhoneDto[];
  addresses: { type: string; city: string | null; country: string | null }[];
}

export interface ContactsPage {
  contacts: ContactDto[];
  /** `exact` is false when Xero left `pagination` out: the counts are then what is known so far. */
  pagination: { page: number; pageSize: number; pageCount: number; itemCount: number; exact?: boolean };
}

// Orders come from an allow-list; a user's text never becomes part of Xero's order or where clause.
const xeroOrder: Record<ContactOrder, string> = {
  name_asc: 'Name ASC',
  name_desc: 'Name DESC',
  updated_desc: 'UpdatedDateUTC DESC',
  updated_asc: 'UpdatedDateUTC ASC',
};

// Also from an allow-list: Xero's where clause for each role filter.
const xeroRoleWhere: Record<ContactRole, string | undefined> = {
  all: undefined,
  customers: 'IsCustomer==true',
  suppliers: 'IsSupplier==true',
};

const text = (value: string | undefined | null) => (value ? value : null);

export function toContactDto(contact: Contact, phones = phonesOf(contact.phones)): ContactDto {
  return {
    id: contact.contactID ?? '',
    name: contact.name ?? '',
    firstName: text(contact.firstName),
    lastName: text(contact.lastName),
    email: text(contact.emailAddress),
    status: String(contact.contactStatus ?? 'ACTIVE'),
    isCustomer: contact.isCustomer ?? false,
    isSupplier: contact.isSupplier ?? false,
    contactPersons: (contact.contactPersons ?? []).map((person) => ({
      firstName: text(person.firstName),
      lastName: text(person.lastName),
      email: text(person.emailAddress),
    })),
    phone: primaryPhone(phones),
    website: text(contact.website),
    updatedAt: contact.updatedDateUTC ? new Date(contact.updatedDateUTC) : null,
  };
}

export async function listContacts(session: XeroSession, input: z.output<typeof contactsInput>): Promise<ContactsPage> {
  const { body } = await session.call('list contacts', async (client, tenantId) => {
    const answer = await client.accountingApi.getContacts(
      tenantId,
      undefined,
      xeroRoleWhere[input.role],
      xeroOrder[input.order],
      undefined,
      input.page,
      input.includeArchived,
      false,
      input.search === '' ? undefined : input.search,
      input.pageSize,
    );
    // Inside the call, so a body without its list is a logged failure of this call, never "no contacts".
    expectList(answer.body.contacts, 'Contacts');
    return answer;
  });
  const contacts = (body.contacts ?? []).map((contact) => toContactDto(contact));
  const pagination = body.pagination;
  if (pagination?.pageCount !== undefined && pagination.itemCount !== undefined) {
    return {
      contacts,
      pagination: {
        page: pagination.page ?? input.page,
        pageSize: pagination.pageSize ?? input.pageSize,
        pageCount: pagination.pageCount,
        itemCount: pagination.itemCount,
        exact: true,
      },
    };
  }
  // Xero sometimes leaves out `pagination`. A full page means there may be more: offer the next page
  // rather than hide every contact after this one. The count is then what is known so far.
  const full = contacts.length >= input.pageSize;
  const seen = (input.page - 1) * input.pageSize + contacts.length;
  return {
    contacts,
    pagination: {
      page: input.page,
      pageSize: input.pageSize,
      pageCount: full ? input.page + 1 : contacts.length > 0 ? input.page : input.page - 1,
      itemCount: seen,
      exact: false,
    },
  };
}

export async function getContact(session: XeroSession, id: string): Promise<ContactDetailDto> {
  const { body } = await session.call('get contact', async (client, tenantId) => {
    const answer = await client.accountingApi.getContact(tenantId, id);
    expectList(answer.body.contacts, 'Contacts');
    return answer;
  });
  const contact = body.contacts?.[0];
  if (!contact) throw new AppError('NOT_FOUND', 'Xero has no such contact.');
  const phones = phonesOf(contact.phones);
  return {
    ...toContactDto(contact, phones),
    contactNumber: text(contact.contactNumber),
    phones,
    addresses: (contact.addresses ?? [])
      .filter((address) => address.city || address.country)
      .map((address) => ({
        type: String(address.addressType ?? ''),
        city: text(address.city),
        country: text(address.country),
      })),
  };
}
