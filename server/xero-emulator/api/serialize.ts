import { randomUUID } from 'node:crypto';
import type { ContactRecord, OrganisationRecord, OrgUserRecord } from '../model';
import { msDate } from '../ms-date';

/** Every Accounting API answer comes wrapped like this. */
export function envelope(providerName: string, now: number, payload: Record<string, unknown>) {
  return { Id: randomUUID(), Status: 'OK', ProviderName: providerName, DateTimeUTC: msDate(now), ...payload };
}

const optional = <T>(name: string, value: T | null) => (value === null ? {} : { [name]: value });

export function contactJson(contact: ContactRecord, summaryOnly: boolean) {
  const summary = {
    ContactID: contact.contactId,
    ContactNumber: contact.contactNumber,
    AccountNumber: contact.accountNumber,
    ContactStatus: contact.status,
    Name: contact.name,
    ...optional('FirstName', contact.firstName),
    ...optional('LastName', contact.lastName),
    ...optional('EmailAddress', contact.emailAddress),
    IsSupplier: contact.isSupplier,
    IsCustomer: contact.isCustomer,
    UpdatedDateUTC: msDate(contact.updatedAt),
    HasAttachments: false,
    HasValidationErrors: false,
  };
  if (summaryOnly) return summary;
  return {
    ...summary,
    ContactPersons: contact.contactPersons.map((person) => ({
      FirstName: person.firstName,
      LastName: person.lastName,
      EmailAddress: person.emailAddress,
      IncludeInEmails: person.includeInEmails,
    })),
    Addresses: [
      { AddressType: 'POBOX' as const, ...optional('City', contact.city), ...optional('Country', contact.country) },
      { AddressType: 'STREET' as const },
    ],
    Phones: [
      {
        PhoneType: 'DEFAULT' as const,
        ...optional('PhoneNumber', contact.phone),
        ...optional('PhoneAreaCode', contact.phone ? contact.phoneAreaCode : null),
        ...optional('PhoneCountryCode', contact.phone ? contact.phoneCountryCode : null),
      },
      { PhoneType: 'MOBILE' as const },
    ],
    ...optional('Website', contact.website),
    ContactGroups: [],
  };
}

export function userJson(user: OrgUserRecord) {
  return {
    UserID: user.userId,
    EmailAddress: user.emailAddress,
    FirstName: user.firstName,
    LastName: user.lastName,
    UpdatedDateUTC: msDate(user.updatedAt),
    IsSubscriber: user.isSubscriber,
    OrganisationRole: user.organisationRole,
  };
}

const timezones: Record<string, string> = { NZ: 'NEWZEALANDSTANDARDTIME', AU: 'AUSEASTERNSTANDARDTIME' };

export function organisationJson(organisation: OrganisationRecord) {
  return {
    OrganisationID: organisation.tenantId,
    Name: organisation.name,
    LegalName: organisation.legalName,
    PaysTax: true,
    Version: organisation.countryCode === 'AU' ? 'AU' : 'NZ',
    OrganisationType: 'COMPANY',
    BaseCurrency: organisation.baseCurrency,
    CountryCode: organisation.countryCode,
    IsDemoCompany: false,
    OrganisationStatus: 'ACTIVE',
    FinancialYearEndDay: 31,
    FinancialYearEndMonth: 3,
    CreatedDateUTC: msDate(organisation.createdAt),
    Timezone: timezones[organisation.countryCode] ?? 'UTC',
    OrganisationEntityType: 'COMPANY',
    ShortCode: organisation.shortCode,
    Class: 'PREMIUM',
    Edition: 'BUSINESS',
  };
}
