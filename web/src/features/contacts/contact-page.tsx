import { Link, useParams } from 'react-router';
import { formatDate } from '../../lib/format';
import { trpc } from '../../trpc';
import { XeroQueryState } from '../xero/xero-query-state';

export function ContactPage() {
  const { id = '' } = useParams();
  const contact = trpc.xero.contact.useQuery({ id });
  const data = contact.data;
  return (
    <div className="stack">
      <p>
        <Link to="/contacts">← All contacts</Link>
      </p>
      <XeroQueryState isPending={contact.isPending} error={contact.error}>
        {data ? (
          <>
            <h1>{data.name}</h1>
            <dl className="details card">
              <dt>Status</dt>
              <dd>{data.status === 'ARCHIVED' ? 'Archived' : 'Active'}</dd>
              <dt>Person</dt>
              <dd>{[data.firstName, data.lastName].filter(Boolean).join(' ') || '—'}</dd>
              <dt>Email</dt>
              <dd>{data.email ?? '—'}</dd>
              <dt>Contact number</dt>
              <dd>{data.contactNumber ?? '—'}</dd>
              <dt>Type</dt>
              <dd>
                {[data.isCustomer ? 'Customer' : null, data.isSupplier ? 'Supplier' : null]
                  .filter(Boolean)
                  .join(', ') || '—'}
              </dd>
              <dt>Phone</dt>
              <dd>{data.phones.map((phone) => phone.number).join(', ') || '—'}</dd>
              <dt>Address</dt>
              <dd>
                {data.addresses
                  .map((address) => [address.city, address.country].filter(Boolean).join(', '))
                  .join('; ') || '—'}
              </dd>
              <dt>Website</dt>
              <dd>{data.website ?? '—'}</dd>
              <dt>Updated</dt>
              <dd>{data.updatedAt ? formatDate(data.updatedAt) : '—'}</dd>
            </dl>
            <section aria-labelledby="people-title">
              <h2 id="people-title">Contact people</h2>
              {data.contactPersons.length === 0 ? (
                <p className="empty">No contact people.</p>
              ) : (
                <ul>
                  {data.contactPersons.map((person, index) => (
                    <li
                      key={index}
                    >{`${[person.firstName, person.lastName].filter(Boolean).join(' ')}${person.email ? ` — ${person.email}` : ''}`}</li>
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
