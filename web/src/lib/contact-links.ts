/** A phone as Xero splits it: the codes may be absent, and the area code may carry its trunk "0". */
export interface PhoneParts {
  countryCode?: string | null;
  areaCode?: string | null;
  number: string;
}

const digits = (text: string | null | undefined) => (text ?? '').replace(/\D/g, '');

/** "+64 4 1234567": how the number reads. */
export function phoneText(phone: PhoneParts): string {
  return [phone.countryCode ? `+${phone.countryCode}` : null, phone.areaCode, phone.number].filter(Boolean).join(' ');
}

/**
 * A tel: link that dials from anywhere when the country is known ("+6441234567"), else the number as
 * given. Null when there is nothing dialable (a number of letters, say), so no broken link is shown.
 */
export function telHref(phone: PhoneParts): string | null {
  const country = digits(phone.countryCode);
  // With a country code the trunk prefix is not dialled: "+64 04 …" is "+64 4 …".
  const area = country ? digits(phone.areaCode).replace(/^0+/, '') : digits(phone.areaCode);
  const local = area + digits(phone.number);
  if (local.length < 3) return null;
  return `tel:${country ? `+${country}` : ''}${local}`;
}

/**
 * A website as Xero keeps it ("www.example.com", "https://example.com/shop") as a link we can open:
 * http and https only, so a stored "javascript:" text stays text. Null when it is no address at all.
 */
export function websiteHref(website: string | null | undefined): string | null {
  const text = website?.trim();
  if (!text) return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`;
  try {
    const url = new URL(withScheme);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    if (!url.hostname.includes('.')) return null;
    return url.href;
  } catch {
    return null;
  }
}

/** "example.com/shop": the address without its scheme or "www.", short enough for a table cell. */
export function websiteLabel(href: string): string {
  const url = new URL(href);
  const path = url.pathname === '/' ? '' : url.pathname.replace(/\/$/, '');
  return `${url.hostname.replace(/^www\./, '')}${path}`;
}
