import { Link } from 'react-router';
import { formatDate } from '../../lib/format';
import type { RouterOutputs } from '../../trpc';

type Contact = RouterOutputs['xero']['contacts']['contacts'][number];

const roles = (contact: Contact) =>
  [contact.isCustomer ? 'Customer' : null, contact.isSupplier ? 'Supplier' : null].filter(Boolean).join(', ') || '—';

export function ContactsTable({ contacts, busy }: { contacts: Contact[]; busy: boolean }) {
  return (
    <div className="table-wrap">
      <table className="table" aria-busy={busy || undefined}>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Type</th>
            <th scope="col">Status</th>
            <th scope="col">Updated</th>
          </tr>
        </thead>
        <tbody>
          {contacts.map((contact) => (
            <tr key={contact.id}>
              <th scope="row">
                <Link to={`/contacts/${contact.id}`}>{contact.name}</Link>
              </th>
              <td>{contact.email ?? '—'}</td>
              <td>{roles(contact)}</td>
              <td>{contact.status === 'ARCHIVED' ? <span className="badge">Archived</span> : 'Active'}</td>
              <td>{contact.updatedAt ? formatDate(contact.updatedAt) : '—'}</td>
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
