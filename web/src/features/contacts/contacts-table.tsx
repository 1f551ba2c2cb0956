import { Link } from 'react-router';
import type { ContactOrder } from '../../../../shared/xero-inputs';
import { formatDate } from '../../lib/format';
import type { RouterOutputs } from '../../trpc';

type Contact = RouterOutputs['xero']['contacts']['contacts'][number];

const roles = (contact: Contact) =>
  [contact.isCustomer ? 'Customer' : null, contact.isSupplier ? 'Supplier' : null].filter(Boolean).join(', ') || '—';

interface ContactsTableProps {
  contacts: Contact[];
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

export function ContactsTable({ contacts, busy, order, onOrder }: ContactsTableProps) {
  return (
    <div className="table-wrap">
      <table className="table cards-on-phone" aria-busy={busy || undefined}>
        <thead>
          <tr>
            <SortHeader label="Name" asc="name_asc" desc="name_desc" first="name_asc" order={order} onOrder={onOrder} />
            <th scope="col">Email</th>
            <th scope="col">Type</th>
            <th scope="col">Status</th>
            <SortHeader
              label="Updated"
              asc="updated_asc"
              desc="updated_desc"
              first="updated_desc"
              order={order}
              onOrder={onOrder}
            />
          </tr>
        </thead>
        <tbody>
          {contacts.map((contact) => (
            <tr key={contact.id}>
              <th scope="row">
                <Link to={`/contacts/${contact.id}`}>{contact.name}</Link>
              </th>
              <td data-label="Email">
                {contact.email ? <a href={`mailto:${contact.email}`}>{contact.email}</a> : '—'}
              </td>
              <td data-label="Type">{roles(contact)}</td>
              <td data-label="Status">
                {contact.status === 'ARCHIVED' ? <span className="badge">Archived</span> : 'Active'}
              </td>
              <td data-label="Updated">{contact.updatedAt ? formatDate(contact.updatedAt) : '—'}</td>
            </tr>
          ))}
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
