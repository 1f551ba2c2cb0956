import { uuidFrom } from '../ids';
import type { ContactRecord, OrganisationRecord, OrgUserRecord } from '../model';
import {
  cities,
  companySuffixes,
  companyTrades,
  companyWords,
  firstNames,
  lastNames,
  phoneCodes,
  trickyContactNames,
  unbrokenContactName,
} from './names';
import { SeededRandom } from './random';
import { seedUsersByOrganisation } from './seed-users';

const organisations = [
  { name: 'Demo Company (Global)', shortCode: '!dEmO1', countryCode: 'NZ', baseCurrency: 'NZD' },
  { name: 'Acme Widgets Ltd', shortCode: '!aCmE2', countryCode: 'AU', baseCurrency: 'AUD' },
  { name: 'Kiwi Kitchens Limited', shortCode: '!kIwI3', countryCode: 'NZ', baseCurrency: 'NZD' },
];

// Seed dates are fixed rather than "now", so the same seed gives byte-identical data.
const seedEpoch = Date.UTC(2026, 0, 1);
const dayMs = 24 * 60 * 60 * 1000;

const nameCollator = new Intl.Collator('en', { sensitivity: 'base' });

export function compareContactNames(a: ContactRecord, b: ContactRecord): number {
  const byName = nameCollator.compare(a.name, b.name);
  return byName !== 0 ? byName : a.contactId.localeCompare(b.contactId);
}

const slug = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.+|\.+$/g, '');

function personContact(random: SeededRandom, index: number) {
  const firstName = random.pick(firstNames);
  const lastName = random.pick(lastNames);
  return {
    name: `${firstName} ${lastName}`,
    firstName,
    lastName,
    email: `${slug(firstName)}.${slug(lastName)}${index % 97}@mail.example`,
  };
}

function companyContact(random: SeededRandom) {
  const suffix = random.pick(companySuffixes);
  const name = [random.pick(companyWords), random.pick(companyTrades), suffix].filter(Boolean).join(' ');
  return { name, firstName: null, lastName: null, email: `accounts@${slug(name).replace(/\./g, '')}.example` };
}

/**
 * Real organisations hold untidy names: stray spaces around or inside a name (Xero keeps them as typed).
 * Chosen by index, not by the random stream, so the rest of the seed stays as it was.
 */
function untidy(name: string, index: number): string {
  if (index === trickyContactNames.length) return unbrokenContactName;
  if (index % 23 === 7) return `${name}  `;
  if (index % 23 === 15) return ` ${name}`;
  if (index % 23 === 19) return name.replace(' ', '   ');
  return name;
}

export function generateContacts(random: SeededRandom, orgKey: string, count: number): ContactRecord[] {
  const usedNames = new Set<string>();
  const contacts: ContactRecord[] = [];
  for (let index = 0; index < count; index += 1) {
    const tricky = trickyContactNames[index];
    const base = tricky
      ? { name: tricky, firstName: null, lastName: null, email: `hello${index}@tricky.example` }
      : random.chance(0.35)
        ? personContact(random, index)
        : companyContact(random);
    // Xero requires contact names to be unique within an organisation.
    const typed = tricky ? base.name : untidy(base.name, index);
    let name = typed;
    for (let copy = 2; usedNames.has(name.trim().toLowerCase()); copy += 1) name = `${typed} (${copy})`;
    usedNames.add(name.trim().toLowerCase());
    const [city, country] = random.pick(cities);
    const personCount = base.firstName ? 0 : random.int(3);
    const archived = random.chance(0.07);
    contacts.push({
      contactId: uuidFrom(`${orgKey}:contact:${index}`),
      contactNumber: `C-${String(index + 1).padStart(6, '0')}`,
      accountNumber: `AC${String(100_000 + index)}`,
      // A few people asked to be forgotten (GDPR); chosen by index, so the random stream is unchanged.
      status: archived ? 'ARCHIVED' : index % 29 === 11 ? 'GDPRREQUEST' : 'ACTIVE',
      name,
      firstName: base.firstName,
      lastName: base.lastName,
      emailAddress: random.chance(0.92) ? base.email : null,
      contactPersons: Array.from({ length: personCount }, (_, personIndex) => {
        const firstName = random.pick(firstNames);
        const lastName = random.pick(lastNames);
        // Some contact people have only an email address, no name.
        const nameless = personIndex === 1 && index % 5 === 2;
        return {
          firstName: nameless ? '' : firstName,
          lastName: nameless ? '' : lastName,
          emailAddress: `${slug(firstName)}.${slug(lastName)}@contact${index}.example`,
          includeInEmails: personIndex === 0,
        };
      }),
      isCustomer: random.chance(0.6),
      isSupplier: random.chance(0.35),
      phone: random.chance(0.8) ? String(random.int(9_000_000) + 1_000_000) : null,
      phoneCountryCode: phoneCodes[city]?.[0] ?? null,
      phoneAreaCode: phoneCodes[city]?.[1] ?? null,
      city,
      country,
      website: base.firstName ? null : `https://www.${slug(name).replace(/\./g, '')}.example`,
      updatedAt: seedEpoch - random.int(730 * dayMs),
    });
  }
  return contacts.sort(compareContactNames);
}

function generateUsers(orgIndex: number, orgKey: string): OrgUserRecord[] {
  return (seedUsersByOrganisation[orgIndex] ?? []).map((user, index) => ({
    userId: uuidFrom(`${orgKey}:user:${user.emailAddress.toLowerCase()}`),
    emailAddress: user.emailAddress,
    firstName: user.firstName,
    lastName: user.lastName,
    isSubscriber: user.isSubscriber ?? false,
    organisationRole: user.organisationRole,
    updatedAt: seedEpoch - (index + 1) * 13 * dayMs,
  }));
}

export interface SeedConfig {
  seed: number;
  contactsPerOrganisation: number;
  contactsByOrganisation?: Record<number, number> | undefined;
}

export function seedOrganisations(config: SeedConfig): OrganisationRecord[] {
  return organisations.map((organisation, orgIndex) => {
    const orgKey = `seed:${config.seed}:org:${orgIndex}`;
    const random = new SeededRandom(config.seed + orgIndex * 7919);
    const contacts = generateContacts(
      random,
      orgKey,
      config.contactsByOrganisation?.[orgIndex] ?? config.contactsPerOrganisation,
    );
    return {
      tenantId: uuidFrom(`${orgKey}:tenant`),
      name: organisation.name,
      legalName: organisation.name,
      shortCode: organisation.shortCode,
      countryCode: organisation.countryCode,
      baseCurrency: organisation.baseCurrency,
      createdAt: seedEpoch - (1000 + orgIndex * 100) * dayMs,
      contacts,
      contactsById: new Map(contacts.map((contact) => [contact.contactId, contact])),
      activeContacts: null,
      users: generateUsers(orgIndex, orgKey),
    };
  });
}
