import { Link } from 'react-router';
import { trpc } from '../../trpc';
import { useCurrentUser } from '../auth/use-current-user';

export function HomePage() {
  const me = useCurrentUser();
  const status = trpc.xero.status.useQuery();
  const organisation = status.data?.selectedTenant?.name;
  return (
    <>
      <h1>Welcome{me.data ? `, ${me.data.firstName}` : ''}</h1>
      <p className="lead">You are signed in{me.data ? ` as ${me.data.email}` : ''}.</p>
      {status.data ? (
        <p>
          {status.data.connected && organisation ? (
            <>
              Connected to Xero: <strong>{organisation}</strong>. <Link to="/contacts">Browse contacts</Link> or{' '}
              <Link to="/match">match your account</Link>.
            </>
          ) : (
            <>
              Not connected to Xero yet. <Link to="/integrations/xero">Connect Xero</Link>
            </>
          )}
        </p>
      ) : null}
    </>
  );
}
