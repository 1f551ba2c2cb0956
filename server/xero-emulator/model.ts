/** The emulator's records, in its own terms; api/serialize.ts turns them into Xero's JSON. */

/** GDPRREQUEST: someone asked Xero to erase the person; Xero keeps the record with that status. */
export type ContactStatus = 'ACTIVE' | 'ARCHIVED' | 'GDPRREQUEST';

export interface ContactPersonRecord {
  firstName: string;
  lastName: string;
  emailAddress: string;
  includeInEmails: boolean;
}

export interface ContactRecord {
  contactId: string;
  contactNumber: string;
  accountNumber: string;
  status: ContactStatus;
  name: string;
  firstName: string | null;
  lastName: string | null;
  emailAddress: string | null;
  contactPersons: ContactPersonRecord[];
  isCustomer: boolean;
  isSupplier: boolean;
  /** The number without its codes, as Xero keeps it: PhoneNumber, PhoneAreaCode, PhoneCountryCode. */
  phone: string | null;
  phoneAreaCode: string | null;
  phoneCountryCode: string | null;
  city: string | null;
  country: string | null;
  website: string | null;
  updatedAt: number;
}

export type OrganisationRole =
  'READONLY' | 'INVOICEONLY' | 'STANDARD' | 'FINANCIALADVISER' | 'MANAGEDCLIENT' | 'CASHBOOKCLIENT';

export interface OrgUserRecord {
  userId: string;
  emailAddress: string;
  firstName: string;
  lastName: string;
  isSubscriber: boolean;
  organisationRole: OrganisationRole;
  updatedAt: number;
}

export interface OrganisationRecord {
  tenantId: string;
  name: string;
  legalName: string;
  shortCode: string;
  countryCode: string;
  baseCurrency: string;
  createdAt: number;
  /** Kept sorted by name, case-insensitively, so default paging never sorts. */
  contacts: ContactRecord[];
  contactsById: Map<string, ContactRecord>;
  /** The active contacts in name order, kept so the common listing (no filters) is a slice; null when stale. */
  activeContacts: ContactRecord[] | null;
  users: OrgUserRecord[];
}

/** A person who signed in on the consent page. */
export interface XeroIdentity {
  xeroUserId: string;
  email: string;
  givenName: string;
  familyName: string;
}

export interface AuthorizationCode {
  code: string;
  clientId: string;
  redirectUri: string;
  scopes: string[];
  codeChallenge: string | null;
  nonce: string | null;
  xeroUserId: string;
  authEventId: string;
  expiresAt: number;
  usedGrantId: string | null;
}

export interface RefreshTokenRecord {
  token: string;
  grantId: string;
  issuedAt: number;
  /** Set when a newer token replaced this one; it stays usable for the grace period after. */
  rotatedAt: number | null;
  /** Which token replaced it, so a retry inside the grace window gets the same answer. */
  replacedBy: string | null;
}

export interface Grant {
  id: string;
  clientId: string;
  xeroUserId: string;
  scopes: string[];
  authEventId: string;
  globalSessionId: string;
  nonce: string | null;
  revoked: boolean;
  currentRefreshToken: string | null;
  tokenRequests: number;
}

export interface ConnectionRecord {
  id: string;
  clientId: string;
  xeroUserId: string;
  tenantId: string;
  authEventId: string;
  createdAt: number;
  updatedAt: number;
}

export interface AccessTokenRecord {
  jti: string;
  grantId: string;
  expiresAt: number;
}
