import { NavLink, Outlet, useNavigate } from 'react-router';
import { Button } from '../../components/button';
import { trpc } from '../../trpc';
import { useCurrentUser } from '../auth/use-current-user';
import { EmulatorBanner } from '../xero/emulator-banner';

export function AppShell() {
  const me = useCurrentUser();
  const utils = trpc.useUtils();
  const navigate = useNavigate();
  const signOut = trpc.auth.signOut.useMutation({
    onSuccess: async () => {
      utils.auth.me.setData(undefined, null);
      await utils.invalidate();
      void navigate('/sign-in', { replace: true });
    },
  });
  const user = me.data;
  const xeroStatus = trpc.xero.status.useQuery(undefined, { staleTime: 60_000 });
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="shell-header">
        <NavLink to="/" className="brand">
          Xero Connect
        </NavLink>
        <nav aria-label="Main">
          <NavLink to="/" end>
            Home
          </NavLink>
          <NavLink to="/contacts">Contacts</NavLink>
          <NavLink to="/match">Match my account</NavLink>
          <NavLink to="/integrations/xero">Xero</NavLink>
          {user?.role === 'admin' ? <NavLink to="/settings">Settings</NavLink> : null}
        </nav>
        <div className="shell-user">
          {user ? <span className="user-name">{`${user.firstName} ${user.lastName}`}</span> : null}
          <Button
            variant="secondary"
            busy={signOut.isPending}
            busyLabel="Signing out…"
            onClick={() => signOut.mutate()}
          >
            Sign out
          </Button>
        </div>
      </header>
      <main id="main" className="page" tabIndex={-1}>
        {xeroStatus.data?.usingEmulator ? <EmulatorBanner /> : null}
        <Outlet />
      </main>
    </div>
  );
}
