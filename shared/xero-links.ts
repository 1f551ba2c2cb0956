/**
 * Links into Xero's web app. An organisation's address there is `{web app}/app/{short code}` (from its
 * ShortCode, which the server keeps); a contact is a page under it. Ids are checked, so a link is
 * only ever built from a contact id, never from other text.
 */
const contactIdPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function xeroContactUrl(organisationUrl: string | null | undefined, contactId: string): string | null {
  if (!organisationUrl || !contactIdPattern.test(contactId)) return null;
  return `${organisationUrl}/contacts/contact/${contactId}`;
}
