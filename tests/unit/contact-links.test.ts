import { describe, expect, it } from 'vitest';
import { xeroContactUrl } from '../../shared/xero-links';
import { phoneText, telHref, websiteHref, websiteLabel } from '../../web/src/lib/contact-links';

describe('phone links', () => {
  it('dials from anywhere when the country is known, dropping the trunk 0 of the area code', () => {
    expect(telHref({ countryCode: '64', areaCode: '04', number: '123 4567' })).toBe('tel:+6441234567');
    expect(telHref({ countryCode: '44', areaCode: '20', number: '7946-0958' })).toBe('tel:+442079460958');
    expect(phoneText({ countryCode: '64', areaCode: '4', number: '1234567' })).toBe('+64 4 1234567');
  });

  it('keeps a number without a country as given, and offers no link for nothing dialable', () => {
    expect(telHref({ areaCode: '09', number: '555 0100' })).toBe('tel:095550100');
    expect(telHref({ number: 'ask reception' })).toBeNull();
    expect(phoneText({ number: '555 0100' })).toBe('555 0100');
  });
});

describe('website links', () => {
  it('opens what Xero keeps, with or without a scheme, and shows it short', () => {
    expect(websiteHref('www.example.com')).toBe('https://www.example.com/');
    expect(websiteHref(' http://shop.example.com/catalogue/ ')).toBe('http://shop.example.com/catalogue/');
    expect(websiteLabel('https://www.example.com/')).toBe('example.com');
    expect(websiteLabel('http://shop.example.com/catalogue/')).toBe('shop.example.com/catalogue');
  });

  it('never turns other schemes or non-addresses into links', () => {
    expect(websiteHref('javascript:alert(1)')).toBeNull();
    expect(websiteHref('data:text/html,<script>alert(1)</script>')).toBeNull();
    expect(websiteHref('ftp://files.example.com')).toBeNull();
    expect(websiteHref('see our brochure')).toBeNull();
    expect(websiteHref('')).toBeNull();
    expect(websiteHref(null)).toBeNull();
  });
});

describe('Open in Xero', () => {
  const organisation = 'https://go.xero.com/app/!23eYt';

  it("links to the contact under the organisation's address in Xero's web app", () => {
    expect(xeroContactUrl(organisation, '5b96e86b-418e-48e8-8949-308c14aec278')).toBe(
      'https://go.xero.com/app/!23eYt/contacts/contact/5b96e86b-418e-48e8-8949-308c14aec278',
    );
  });

  it('builds no link without a known organisation or from anything but a contact id', () => {
    expect(xeroContactUrl(null, '5b96e86b-418e-48e8-8949-308c14aec278')).toBeNull();
    expect(xeroContactUrl(organisation, '../../settings')).toBeNull();
  });
});
