import { Link } from 'react-router';
import type { ContactOrder } from '../../../../shared/xero-inputs';
import { xeroContactUrl } from '../../../../shared/xero-links';
import { phoneText, telHref, websiteHref, websiteLabel } from '../../lib/contact-links';
import { formatDate } from '../../lib/format';
import type { RouterOutputs } from '../../trpc';

type Contact = RouterOutputs['xero']['contacts']['contacts'][number];

const roles = (contact: Contact) =>
  [contact.isCustomer ? 'Customer' : null, contact.isSupplier ? 'Supplier' : null].filter(Boolean).join(' · ');

interface ContactsTableProps {
  contacts: Contact[];
  /** The organisation in Xero's web app, for "Open in Xero"; null hides those links. */
  organisationUrl: string | null;
  busy: boolean;
  order: ContactOrder;
  onOrder: (order: ContactOrder) => void;
}

/** A column header that sorts: pressing it again reverses the direction. */
function SortHeader(props: {
  label: string;
  asc: ContactOrder;
  desc: ContactOrder;
  first: ContactOrder;
  order: ContactOrder;
  onOrder: (order: ContactOrder) => void;
}) {
  const { label, asc, desc, first, order, onOrder } = props;
  const direction = order === asc ? 'ascending' : order === desc ? 'descending' : 'none';
  const next = direction === 'none' ? first : direction === 'ascending' ? desc : asc;
  return (
    <th scope="col" aria-sort={direction}>
      <button type="button" className="sort-button" onClick={() => onOrder(next)}>
        {label}
        <span aria-hidden="true">{direction === 'ascending' ? ' ▲' : direction === 'descending' ? ' ▼' : ' ↕'}</span>
      </button>
    </th>
  );
}

function PhoneCell({ phone }: { phone: Contact['phone'] }) {
  if (!phone) return '—';
  const href = telHref(phone);
  const text = phoneText(phone);
  return href ? <a href={href}>{text}</a> : text;
}

/** An email link that, when it must wrap, wraps after the "@" rather than mid-word. */
function EmailLink({ email }: { email: string }) {
  const at = email.lastIndexOf('@');
  return (
    <a href={`mailto:${email}`}>
      {at > 0 ? (
        <>
          {email.slice(0, at + 1)}
          <wbr />
          {email.slice(at + 1)}
        </>
      ) : (
        email
      )}
    </a>
  );
}

function WebsiteCell({ website }: { website: string | null }) {
  const href = websiteHref(website);
  if (!href) return website ?? '—';
  return (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {websiteLabel(href)}
    </a>
  );
}

export function ContactsTable({ contacts, organisationUrl, busy, order, onOrder }: ContactsTableProps) {
  return (
    <div className="table-wrap">
      <table className="table cards-on-phone" aria-busy={busy || undefined}>
        <thead>
          <tr>
            <SortHeader label="Name" asc="name_asc" desc="name_desc" first="name_asc" order={order} onOrder={onOrder} />
            <th scope="col">Email and website</th>
            <th scope="col">Phone</th>
            <SortHeader
              label="Updated"
              asc="updated_asc"
              desc="updated_desc"
              first="updated_desc"
              order={order}
              onOrder={onOrder}
            />
            {organisationUrl ? (
              <th scope="col">
                <span className="sr-only">In Xero</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {contacts.map((contact) => {
            const xeroUrl = xeroContactUrl(organisationUrl, contact.id);
            return (
              <tr key={contact.id}>
                <th scope="row">
                  <Link to={`/contacts/${contact.id}`}>{contact.name.trim()}</Link>
                  {/* Who the contact is to the organisation, under the name: a column of its own would
                      push the links off a laptop's screen. */}
                  {roles(contact) || contact.status === 'ARCHIVED' ? (
                    <span className="contact-roles">
                      {roles(contact)}
                      {contact.status === 'ARCHIVED' ? <span className="badge">Archived</span> : null}
                    </span>
                  ) : null}
                </th>
                {/* Email and website share a cell, a line each: as columns of their own they wrap
                    mid-address on a laptop. On a phone each line carries its own label. */}
                <td className="wrap-anywhere">
                  <span className="cell-line" data-label="Email">
                    {contact.email ? <EmailLink email={contact.email} /> : '—'}
                  </span>
                  {contact.website ? (
                    <span className="cell-line" data-label="Website">
                      <WebsiteCell website={contact.website} />
                    </span>
                  ) : null}
                </td>
                <td data-label="Phone" className="nowrap">
                  <PhoneCell phone={contact.phone} />
                </td>
                <td data-label="Updated" className="nowrap">
                  {contact.updatedAt ? formatDate(contact.updatedAt) : '—'}
                </td>
                {organisationUrl ? (
                  <td className="nowrap">
                    {xeroUrl ? (
                      <a
                        href={xeroUrl}
                        target="_blank"
                        rel="noopener noreferrer"
                        // The visible words start the name, so "Open in Xero" said aloud still finds it.
                        aria-label={`Open in Xero: ${contact.name.trim()}`}
                      >
                        Open in Xero
                      </a>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export function ContactsSkeleton({ rows = 8 }: { rows?: number }) {
  return (
    <div className="table-wrap" role="status" aria-label="Loading contacts">
      <table className="table skeleton" aria-hidden="true">
        <tbody>
          {Array.from({ length: rows }, (_, index) => (
            <tr key={index}>
              {Array.from({ length: 5 }, (__, cell) => (
                <td key={cell}>
                  <span className="skeleton-bar" />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
