import { Link, useParams } from 'react-router';
import { xeroContactUrl } from '../../../../shared/xero-links';
import { phoneText, telHref, websiteHref, websiteLabel } from '../../lib/contact-links';
import { readAppError } from '../../lib/app-error';
import { formatDate } from '../../lib/format';
import { trpc, type RouterOutputs } from '../../trpc';
import { XeroQueryState } from '../xero/xero-query-state';
import { NoSuchContact } from './no-such-contact';
import { useOrganisation } from './use-organisation';

type ContactDetail = RouterOutputs['xero']['contact'];

const statusLabels: Record<string, string> = {
  ACTIVE: 'Active',
  ARCHIVED: 'Archived',
  GDPRREQUEST: 'GDPR request: this contact asked to be forgotten',
};

const phoneTypes: Record<string, string> = { DEFAULT: 'phone', MOBILE: 'mobile', DDI: 'direct', FAX: 'fax' };

function PhoneLine({ phone }: { phone: ContactDetail['phones'][number] }) {
  const href = phone.type === 'FAX' ? null : telHref(phone);
  const kind = phoneTypes[phone.type];
  return (
    <>
      {href ? <a href={href}>{phoneText(phone)}</a> : phoneText(phone)}
      {kind && kind !== 'phone' ? ` (${kind})` : null}
    </>
  );
}

const personLine = (person: ContactDetail['contactPersons'][number]) =>
  [[person.firstName, person.lastName].filter(Boolean).join(' ').trim(), person.email].filter(Boolean).join(' — ');

// A name without spaces must wrap rather than widen the page.
const wrapAnywhere = { overflowWrap: 'anywhere' } as const;

export function ContactPage() {
  const { id = '' } = useParams();
  const contact = trpc.xero.contact.useQuery({ id });
  const data = contact.data;
  const organisation = useOrganisation();
  const xeroUrl = xeroContactUrl(organisation.xeroUrl, id);
  const website = websiteHref(data?.website);
  // Contact people with neither a name nor an email have nothing to show: no empty bullets.
  const people = (data?.contactPersons ?? []).map(personLine).filter((line) => line !== '');
  if (readAppError(contact.error)?.appCode === 'NOT_FOUND') {
    return (
      <NoSuchContact>
        {`${organisation.name ?? 'This organisation'} has no contact with this id. It may have been deleted in Xero, or it belongs to another organisation than the one selected.`}
      </NoSuchContact>
    );
  }
  return (
    <div className="stack">
      <p>
        <Link to="/contacts">← All contacts</Link>
      </p>
      <XeroQueryState isPending={contact.isPending} error={contact.error}>
        {data ? (
          <>
            <div className="page-heading">
              <h1 style={wrapAnywhere}>{data.name.trim()}</h1>
              {xeroUrl ? (
                <a className="button button-secondary" href={xeroUrl} target="_blank" rel="noopener noreferrer">
                  Open in Xero
                </a>
              ) : null}
            </div>
            <dl className="details card">
              <dt>Status</dt>
              <dd>{statusLabels[data.status] ?? data.status}</dd>
              <dt>Person</dt>
              <dd>{[data.firstName, data.lastName].filter(Boolean).join(' ') || '—'}</dd>
              <dt>Email</dt>
              <dd>{data.email ? <a href={`mailto:${data.email}`}>{data.email}</a> : '—'}</dd>
              <dt>Contact number</dt>
              <dd>{data.contactNumber ?? '—'}</dd>
              <dt>Type</dt>
              <dd>
                {[data.isCustomer ? 'Customer' : null, data.isSupplier ? 'Supplier' : null]
                  .filter(Boolean)
                  .join(', ') || '—'}
              </dd>
              <dt>Phone</dt>
              <dd>
                {data.phones.length === 0
                  ? '—'
                  : data.phones.map((phone, index) => (
                      <span key={index}>
                        {index > 0 ? ', ' : null}
                        <PhoneLine phone={phone} />
                      </span>
                    ))}
              </dd>
              <dt>Address</dt>
              <dd>
                {data.addresses
                  .map((address) => [address.city, address.country].filter(Boolean).join(', '))
                  .join('; ') || '—'}
              </dd>
              <dt>Website</dt>
              <dd>
                {website ? (
                  <a href={website} target="_blank" rel="noopener noreferrer">
                    {websiteLabel(website)}
                  </a>
                ) : (
                  (data.website ?? '—')
                )}
              </dd>
              <dt>Updated</dt>
              <dd>{data.updatedAt ? formatDate(data.updatedAt) : '—'}</dd>
            </dl>
            <section aria-labelledby="people-title">
              <h2 id="people-title">Contact people</h2>
              {people.length === 0 ? (
                <p className="empty">No contact people.</p>
              ) : (
                <ul style={wrapAnywhere}>
                  {people.map((line, index) => (
                    <li key={index}>{line}</li>
                  ))}
                </ul>
              )}
            </section>
          </>
        ) : null}
      </XeroQueryState>
    </div>
  );
}
