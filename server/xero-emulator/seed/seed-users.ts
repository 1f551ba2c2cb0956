import type { OrganisationRole } from '../model';

export interface SeedUser {
  firstName: string;
  lastName: string;
  emailAddress: string;
  organisationRole: OrganisationRole;
  isSubscriber?: boolean;
}

/**
 * Organisation users, with exact and near matches for the demo local users (Ada Lovelace
 * ada@example.com, Grace Hopper, José Álvarez, Alan Turing): the same email in another case, the same
 * names with another email, accents, swapped first and last names, and a shared first name only.
 */
export const seedUsersByOrganisation: SeedUser[][] = [
  [
    {
      firstName: 'Ada',
      lastName: 'Lovelace',
      emailAddress: 'ADA@Example.com',
      organisationRole: 'STANDARD',
      isSubscriber: true,
    },
    {
      firstName: 'Grace',
      lastName: 'Hopper',
      emailAddress: 'grace.hopper@navy.example',
      organisationRole: 'FINANCIALADVISER',
    },
    { firstName: 'Jose', lastName: 'Alvarez', emailAddress: 'jalvarez@example.org', organisationRole: 'STANDARD' },
    { firstName: 'Turing', lastName: 'Alan', emailAddress: 'a.turing@bletchley.example', organisationRole: 'READONLY' },
    { firstName: 'Ada', lastName: 'Byron', emailAddress: 'ada.byron@example.net', organisationRole: 'INVOICEONLY' },
    { firstName: 'Katherine', lastName: 'Johnson', emailAddress: 'kjohnson@example.com', organisationRole: 'STANDARD' },
  ],
  [
    {
      firstName: 'Grace',
      lastName: 'Hopper',
      emailAddress: 'grace@example.com',
      organisationRole: 'STANDARD',
      isSubscriber: true,
    },
    { firstName: 'Ada', lastName: 'Lovelace', emailAddress: 'lovelace@acme.example', organisationRole: 'STANDARD' },
    {
      firstName: 'Margaret',
      lastName: 'Hamilton',
      emailAddress: 'mhamilton@acme.example',
      organisationRole: 'FINANCIALADVISER',
    },
    { firstName: 'José', lastName: 'Álvarez', emailAddress: 'jose@acme.example', organisationRole: 'READONLY' },
  ],
  [
    {
      firstName: 'Hemi',
      lastName: 'Parata',
      emailAddress: 'hemi@kiwikitchens.example',
      organisationRole: 'STANDARD',
      isSubscriber: true,
    },
    { firstName: 'Alan', lastName: 'Turing', emailAddress: 'alan.turing@example.com', organisationRole: 'STANDARD' },
  ],
];
