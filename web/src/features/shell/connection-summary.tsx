import { Link } from 'react-router';
import { trpc, type RouterOutputs } from '../../trpc';
import { healthText } from '../xero/connection-health';

type Status = RouterOutputs['xero']['status'];

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
const currencyNames = new Intl.DisplayNames(['en'], { type: 'currency' });
const named = (names: Intl.DisplayNames, code: string | null | undefined) => {
  if (!code) return null;
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
};

/** The organisation, who you are at Xero, whom you are linked to, and whether the connection works. */
export function ConnectionSummary({ status }: { status: Status }) {
  const healthy = status.health === 'ok';
  // Reads Xero at most once a day (the server keeps a copy); only while the connection works.
  const organisation = trpc.xero.organisation.useQuery(undefined, { enabled: healthy, staleTime: 10 * 60_000 });
  const linked = status.linkedXeroUserId !== null;
  const match = trpc.xero.guessUser.useQuery(undefined, { enabled: healthy && linked, staleTime: 10 * 60_000 });
  // One contact is enough: the answer carries the total.
  const contacts = trpc.xero.contacts.useQuery({ page: 1, pageSize: 1 }, { enabled: healthy, staleTime: 10 * 60_000 });
  const contactCount = contacts.data?.pagination.itemCount;
  const profile = organisation.data ?? status.organisation;
  const health = status.health ? healthText[status.health] : null;
  const linkedUser = match.data?.linkedUser;
  return (
    <section className="card stack" aria-labelledby="organisation-title">
      <div className="card-heading">
        <h2 id="organisation-title">{profile?.name ?? status.selectedTenant?.name ?? 'Your organisation'}</h2>
        {health ? <span className={`pill pill-${health.tone}`}>{health.heading}</span> : null}
      </div>
      {health && !healthy ? (
        <p>
          {health.detail} <Link to="/integrations/xero">Go to the Xero page</Link>
        </p>
      ) : null}
      <dl className="details">
        <dt>Country</dt>
        <dd>{named(regionNames, profile?.countryCode) ?? (organisation.isPending && healthy ? 'Loading…' : '—')}</dd>
        <dt>Currency</dt>
        <dd>
          {profile?.baseCurrency
            ? `${named(currencyNames, profile.baseCurrency)} (${profile.baseCurrency})`
            : organisation.isPending && healthy
              ? 'Loading…'
              : '—'}
        </dd>
        <dt>Contacts</dt>
        <dd>
          {contactCount !== undefined ? (
            <Link to="/contacts">{contactCount.toLocaleString('en')}</Link>
          ) : contacts.isPending && healthy ? (
            'Loading…'
          ) : (
            '—'
          )}
        </dd>
        <dt>You at Xero</dt>
        <dd>
          {status.identity
            ? `${status.identity.givenName} ${status.identity.familyName} (${status.identity.email})`
            : '—'}
        </dd>
        <dt>Linked user</dt>
        <dd>
          {!linked ? (
            <>
              Not linked yet. <Link to="/match">Match your account</Link>
            </>
          ) : linkedUser ? (
            `${linkedUser.firstName} ${linkedUser.lastName} (${linkedUser.email})`
          ) : (
            'Linked'
          )}
        </dd>
        <dt>Organisations</dt>
        <dd>{status.tenants.length === 1 ? '1 connected' : `${status.tenants.length} connected`}</dd>
      </dl>
    </section>
  );
}
