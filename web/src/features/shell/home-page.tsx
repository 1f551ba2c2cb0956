import { Link } from 'react-router';
import { FailureNotice } from '../../components/failure-notice';
import { Loading } from '../../components/loading';
import { trpc } from '../../trpc';
import { useCurrentUser } from '../auth/use-current-user';
import { ConnectionSummary } from './connection-summary';
import { GettingStarted } from './getting-started';
import { SyncStatusPanel } from '../sync/sync-status';

/** The dashboard: what to do next for a new user, and the state of the Xero connection for everyone. */
export function HomePage() {
  const me = useCurrentUser();
  const status = trpc.xero.status.useQuery();
  const data = status.data;
  const healthy = data?.connected === true && data.health === 'ok';
  return (
    <div className="stack">
      <div>
        <h1>Welcome{me.data ? `, ${me.data.firstName}` : ''}</h1>
        <p className="lead">{me.data ? `Signed in as ${me.data.email}.` : ''}</p>
      </div>
      {status.isPending ? <Loading label="Loading your Xero connection…" /> : null}
      {status.error ? <FailureNotice error={status.error} onRetry={() => void status.refetch()} /> : null}
      {data ? (
        <div className="dashboard">
          {data.connected ? <ConnectionSummary status={data} /> : null}
          {healthy ? (
            <section className="card stack" aria-labelledby="sync-title">
              <h2 id="sync-title">Contacts</h2>
              <SyncStatusPanel />
            </section>
          ) : null}
          {!healthy || data.linkedXeroUserId === null ? (
            <GettingStarted status={data} isAdmin={me.data?.role === 'admin'} />
          ) : (
            <section className="card stack" aria-labelledby="next-title">
              <h2 id="next-title">Go to</h2>
              <ul className="plain-list link-list">
                <li>
                  <Link to="/contacts">Contacts</Link>
                </li>
                <li>
                  <Link to="/match">Your Xero match</Link>
                </li>
                <li>
                  <Link to="/integrations/xero">Xero connection</Link>
                </li>
              </ul>
            </section>
          )}
        </div>
      ) : null}
    </div>
  );
}
