import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { Alert } from '../../components/alert';
import { Loading } from '../../components/loading';
import { messageOf } from '../../lib/app-error';
import { useCurrentUser } from './use-current-user';

/** Sends a signed-out visitor to sign-in, remembering where they were going. */
export function RequireSignedIn({ children }: { children: ReactNode }) {
  const me = useCurrentUser();
  const location = useLocation();
  if (me.isPending) return <Loading label="Checking your session…" />;
  if (me.isError) {
    return (
      <main className="page narrow">
        <Alert>{messageOf(me.error)}</Alert>
      </main>
    );
  }
  if (!me.data) {
    const next = `${location.pathname}${location.search}${location.hash}`;
    const query = next === '/' ? '' : `?next=${encodeURIComponent(next)}`;
    return <Navigate to={`/sign-in${query}`} replace />;
  }
  return <>{children}</>;
}
