import type { Phone } from 'xero-node';

/** A number as Xero splits it: country code, area code, number (the codes may be absent). */
export interface PhoneDto {
  type: string;
  countryCode?: string | null;
  areaCode?: string | null;
  number: string;
}

/** Xero always lists four phone slots (DEFAULT, DDI, MOBILE, FAX), mostly empty: only filled ones count. */
export function phonesOf(phones: Phone[] | undefined): PhoneDto[] {
  return (phones ?? [])
    .filter((phone) => phone.phoneNumber?.trim())
    .map((phone) => ({
      type: String(phone.phoneType ?? ''),
      countryCode: phone.phoneCountryCode?.trim() || null,
      areaCode: phone.phoneAreaCode?.trim() || null,
      number: phone.phoneNumber?.trim() ?? '',
    }));
}

// The number a list shows: the one the contact gave as theirs, else a mobile, else a direct line.
// A fax is never offered as a number to call.
const callPreference = ['DEFAULT', 'MOBILE', 'DDI'];

export function primaryPhone(phones: PhoneDto[]): PhoneDto | null {
  for (const type of callPreference) {
    const phone = phones.find((candidate) => candidate.type === type);
    if (phone) return phone;
  }
  return null;
}
