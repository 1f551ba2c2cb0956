import { useEffect, useRef, useState } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { Button } from '../../components/button';
import { usePageTitle } from '../../lib/use-page-title';
import { trpc } from '../../trpc';
import { useCurrentUser } from '../auth/use-current-user';
import { useConnectedToast } from '../xero/connect-toast';
import { healthText } from '../xero/connection-health';
import { EmulatorBanner } from '../xero/emulator-banner';
import { OrganisationSwitcher } from '../xero/organisation-switcher';
import { rememberBrowsedContacts } from './getting-started';
import { routeTitle } from './route-titles';
import { useFocusOnNavigate } from './use-focus-on-navigate';

export function AppShell() {
  const me = useCurrentUser();
  const utils = trpc.useUtils();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const main = useRef<HTMLElement>(null);
  usePageTitle(routeTitle(pathname));
  useFocusOnNavigate(main);
  useEffect(() => {
    if (pathname.startsWith('/contacts')) rememberBrowsedContacts();
  }, [pathname]);
  // Going anywhere folds the phone menu again.
  const [menuOpen, setMenuOpen] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);
  const [menuPath, setMenuPath] = useState(pathname);
  if (menuPath !== pathname) {
    setMenuPath(pathname);
    setMenuOpen(false);
  }
  const signOut = trpc.auth.signOut.useMutation({
    onSuccess: async () => {
      utils.auth.me.setData(undefined, null);
      await utils.invalidate();
      void navigate('/sign-in', { replace: true });
    },
  });
  const user = me.data;
  const xeroStatus = trpc.xero.status.useQuery(undefined, { staleTime: 60_000 });
  const status = xeroStatus.data;
  useConnectedToast(status);
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      {/* On a phone the links and Sign out fold behind Menu; the organisation stays in view. */}
      <header
        className={menuOpen ? 'shell-header menu-open' : 'shell-header'}
        onKeyDown={(event) => {
          if (event.key !== 'Escape' || !menuOpen) return;
          setMenuOpen(false);
          // The focused link is about to fold away; focus goes back to what opened it.
          menuButton.current?.focus();
        }}
      >
        <NavLink to="/" className="brand">
          <img src="/favicon.svg" alt="" width="24" height="24" />
          Xero Connect
        </NavLink>
        <button
          type="button"
          ref={menuButton}
          className="button button-secondary menu-button"
          aria-expanded={menuOpen}
          aria-controls="shell-nav shell-user"
          onClick={() => setMenuOpen((open) => !open)}
        >
          Menu
        </button>
        <nav id="shell-nav" aria-label="Main" className="foldable">
          <NavLink to="/" end>
            Home
          </NavLink>
          <NavLink to="/contacts">Contacts</NavLink>
          <NavLink to="/match">Match my account</NavLink>
          <NavLink to="/integrations/xero">Xero</NavLink>
          {user?.role === 'admin' ? <NavLink to="/settings">Settings</NavLink> : null}
        </nav>
        {status?.connected && status.tenants.length > 0 ? (
          <div className="shell-organisation">
            {status.health === 'ok' ? (
              <OrganisationSwitcher tenants={status.tenants} compact />
            ) : (
              <Link to="/integrations/xero" className="pill pill-warning">
                {`Xero: ${healthText[status.health ?? 'unknown'].heading.toLowerCase()}`}
              </Link>
            )}
          </div>
        ) : null}
        <div id="shell-user" className="shell-user foldable">
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
      <main id="main" className="page" tabIndex={-1} ref={main}>
        {status?.usingEmulator ? <EmulatorBanner isAdmin={user?.role === 'admin'} /> : null}
        <Outlet />
      </main>
    </div>
  );
}
