import { keepPreviousData } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Button } from '../../components/button';
import { contactOrders, contactRoles, type ContactOrder, type ContactRole } from '../../../../shared/xero-inputs';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { trpc, type RouterOutputs } from '../../trpc';
import { SyncStatusPanel } from '../sync/sync-status';
import { XeroQueryState } from '../xero/xero-query-state';
import { ContactsSkeleton, ContactsTable } from './contacts-table';
import { useOrganisation } from './use-organisation';

const pageSize = 25;

const roleChoices: Record<ContactRole, { label: string; one: string; many: string }> = {
  all: { label: 'All contacts', one: 'contact', many: 'contacts' },
  customers: { label: 'Customers', one: 'customer', many: 'customers' },
  suppliers: { label: 'Suppliers', one: 'supplier', many: 'suppliers' },
};

// The phone layout hides the column headers that sort, so it offers the same orders as a list.
const orderChoices: Record<ContactOrder, string> = {
  name_asc: 'Name, A to Z',
  name_desc: 'Name, Z to A',
  updated_desc: 'Updated, newest',
  updated_asc: 'Updated, oldest',
};

type ContactsAnswer = RouterOutputs['xero']['contacts'];

/** "274 contacts", "1 customer", "More than 1,000 suppliers" (a capped search), "At least 50 contacts". */
function countText(answer: ContactsAnswer, words: { one: string; many: string }): string {
  const { itemCount, exact } = answer.pagination;
  const counted = `${itemCount.toLocaleString('en')} ${itemCount === 1 ? words.one : words.many}`;
  if (answer.countCapped) return `More than ${counted}`;
  // Xero left its count out: what is known is how many have come so far.
  if (exact === false) return `At least ${counted}`;
  return counted;
}

/** Contacts of the selected organisation. The search, page and toggle live in the URL, so the
 * interstitial (and a reload) brings the user back to exactly this view. */
export function ContactsPage() {
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const debouncedSearch = useDebouncedValue(search.trim(), 300);
  const page = Math.max(1, Number(params.get('page')) || 1);
  const includeArchived = params.get('archived') === '1';
  const sortParam = params.get('sort');
  const order: ContactOrder = contactOrders.find((value) => value === sortParam) ?? 'name_asc';
  const roleParam = params.get('role');
  const role: ContactRole = contactRoles.find((value) => value === roleParam) ?? 'all';
  const organisation = useOrganisation();
  const searchId = useId();
  const roleId = useId();
  const orderId = useId();
  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [name, value] of Object.entries(changes)) {
      if (value === null || value === '') next.delete(name);
      else next.set(name, value);
    }
    // Moving between pages is a step Back should undo; other changes refine the same view.
    const paging = 'page' in changes && changes.page !== null;
    setParams(next, { replace: !paging });
    if (paging) window.scrollTo({ top: 0 });
  };
  const changeOrder = (next: ContactOrder) => update({ sort: next === 'name_asc' ? null : next, page: null });
  const currentQuery = params.get('q') ?? '';
  useEffect(() => {
    if (debouncedSearch === currentQuery) return;
    // A changed search starts again at page 1.
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (debouncedSearch) next.set('q', debouncedSearch);
        else next.delete('q');
        next.delete('page');
        return next;
      },
      { replace: true },
    );
  }, [debouncedSearch, currentQuery, setParams]);

  const contacts = trpc.xero.contacts.useQuery(
    { page, pageSize, search: currentQuery, includeArchived, order, role },
    // Keep the last page on screen while the next loads; a superseded request is cancelled.
    { placeholderData: keepPreviousData, trpc: { abortOnUnmount: true } },
  );
  const data = contacts.data;
  // While the next answer loads the last one stays on screen, so its words are those of its own role.
  const roleWords = roleChoices[data?.role ?? role];
  const pagination = data?.pagination;
  const lastPage = pagination ? Math.max(1, pagination.pageCount) : null;
  useEffect(() => {
    // Past the last page (an old link, fewer contacts since): show the last page that exists.
    if (lastPage !== null && page > lastPage && !contacts.isPlaceholderData)
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          if (lastPage > 1) next.set('page', String(lastPage));
          else next.delete('page');
          return next;
        },
        { replace: true },
      );
  }, [lastPage, page, contacts.isPlaceholderData, setParams]);

  return (
    <div className="stack">
      <div>
        <h1>Contacts</h1>
        {organisation.name ? <p className="lead">{organisation.name}</p> : null}
      </div>
      <SyncStatusPanel />
      <div className="toolbar">
        <div className="field grow">
          <label htmlFor={searchId}>Search contacts</label>
          <input
            id={searchId}
            type="search"
            placeholder="Name, email, number or contact person"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={roleId}>Show</label>
          <select
            id={roleId}
            value={role}
            onChange={(event) => update({ role: event.target.value === 'all' ? null : event.target.value, page: null })}
          >
            {contactRoles.map((value) => (
              <option key={value} value={value}>
                {roleChoices[value].label}
              </option>
            ))}
          </select>
        </div>
        <div className="field phone-only">
          <label htmlFor={orderId}>Sort by</label>
          <select id={orderId} value={order} onChange={(event) => changeOrder(event.target.value as ContactOrder)}>
            {contactOrders.map((value) => (
              <option key={value} value={value}>
                {orderChoices[value]}
              </option>
            ))}
          </select>
        </div>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={includeArchived}
            onChange={(event) => update({ archived: event.target.checked ? '1' : null, page: null })}
          />
          Include archived
        </label>
      </div>
      <XeroQueryState isPending={contacts.isPending} error={contacts.error} loading={<ContactsSkeleton />}>
        {data && pagination ? (
          <>
            <p className="result-count" aria-live="polite">
              {countText(data, roleWords)}
              {params.get('q') ? ` matching “${params.get('q')}”` : ''}
              {search.trim() !== currentQuery ? ' · searching…' : contacts.isFetching ? ' · updating…' : ''}
            </p>
            {data.contacts.length === 0 ? (
              <p className="empty">
                {params.get('q')
                  ? `No ${roleWords.many} match your search.`
                  : pagination.itemCount > 0
                    ? 'Going to the last page…'
                    : role === 'all'
                      ? 'This organisation has no contacts yet.'
                      : `This organisation has no ${roleWords.many}${includeArchived ? '' : ' that are active'}.`}
              </p>
            ) : (
              <ContactsTable
                contacts={data.contacts}
                organisationUrl={organisation.xeroUrl}
                busy={contacts.isFetching}
                order={order}
                onOrder={changeOrder}
              />
            )}
            {pagination.pageCount > 1 ? (
              <nav className="pager" aria-label="Pages">
                <Button
                  variant="secondary"
                  disabled={page <= 1 || contacts.isFetching}
                  onClick={() => update({ page: String(page - 1) })}
                >
                  Previous
                </Button>
                <span>{`Page ${page} of ${pagination.pageCount}`}</span>
                <Button
                  variant="secondary"
                  disabled={page >= pagination.pageCount || contacts.isFetching}
                  onClick={() => update({ page: String(page + 1) })}
                >
                  Next
                </Button>
              </nav>
            ) : null}
          </>
        ) : null}
      </XeroQueryState>
    </div>
  );
}
