import { Link } from 'react-router';

/** Development with no Xero app set: every page says that Xero here is a local stand-in. */
export function EmulatorBanner({ isAdmin }: { isAdmin: boolean }) {
  return (
    <p className="alert alert-info emulator-banner" role="note">
      Using the built-in Xero emulator: nothing here reaches the real Xero.{' '}
      {isAdmin ? (
        <Link to="/settings">Set up a Xero app in Settings</Link>
      ) : (
        'An administrator can set up a Xero app to connect to the real Xero.'
      )}
    </p>
  );
}
