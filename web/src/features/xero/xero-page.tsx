import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { xeroPagePath } from '../../../../shared/routes';
import { xeroCallbackMessage } from '../../../../shared/xero-callback-errors';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { Loading } from '../../components/loading';
import { messageOf } from '../../lib/app-error';
import { fromNow, formatDate } from '../../lib/format';
import { trpc } from '../../trpc';
import { useCurrentUser } from '../auth/use-current-user';
import { DisconnectSection } from './disconnect-section';
import { OrganisationSwitcher } from './organisation-switcher';
import { useConnectXero } from './use-connect-xero';

export function XeroPage() {
  const status = trpc.xero.status.useQuery();
  const me = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const callbackError = xeroCallbackMessage(params.get('xero_error'));
  const { connect, isPending, error } = useConnectXero();
  const [disconnectMessage, setDisconnectMessage] = useState<string | null>(null);

  const dismiss = () => {
    params.delete('xero_error');
    setParams(params, { replace: true });
  };

  return (
    <div className="stack">
      <h1>Xero</h1>
      {callbackError ? (
        <Alert>
          {callbackError}{' '}
          <button type="button" className="link-button" onClick={dismiss}>
            Dismiss
          </button>
        </Alert>
      ) : null}
      {disconnectMessage ? <Alert tone="success">{disconnectMessage}</Alert> : null}
      {status.isPending ? <Loading label="Loading your Xero connection…" /> : null}
      {status.error ? <Alert>{messageOf(status.error)}</Alert> : null}
      {status.data ? (
        <>
          {!status.data.configured ? (
            <Alert tone="info">
              Xero is not set up for this app yet.{' '}
              {me.data?.role === 'admin' ? (
                <Link to="/settings">Add the Xero app credentials in Settings.</Link>
              ) : (
                'Ask an administrator to add the Xero app credentials.'
              )}
            </Alert>
          ) : null}
          {error ? <Alert>{messageOf(error)}</Alert> : null}
          {status.data.configured && !status.data.connected ? (
            <section className="card stack">
              <p>
                Connect your Xero account to browse your organisation’s contacts and match your account to your Xero
                user.
              </p>
              <Button onClick={() => connect(xeroPagePath)} busy={isPending} busyLabel="Opening Xero…">
                Connect Xero
              </Button>
            </section>
          ) : null}
          {status.data.connected ? (
            <section className="card stack" aria-labelledby="connection-title">
              <h2 id="connection-title">Connected</h2>
              {status.data.needsReauth ? (
                <Alert tone="info">
                  Your Xero connection has expired or was revoked.{' '}
                  <Button onClick={() => connect(xeroPagePath)} busy={isPending} busyLabel="Opening Xero…">
                    Reconnect to Xero
                  </Button>
                </Alert>
              ) : null}
              {status.data.identity ? (
                <dl className="details">
                  <dt>Xero user</dt>
                  <dd>{`${status.data.identity.givenName} ${status.data.identity.familyName} (${status.data.identity.email})`}</dd>
                  <dt>Access token</dt>
                  <dd>
                    {status.data.accessTokenExpiresAt
                      ? `expires ${fromNow(status.data.accessTokenExpiresAt)}; renewed automatically`
                      : 'unknown'}
                  </dd>
                  <dt>Connected</dt>
                  <dd>{status.data.connectedAt ? formatDate(status.data.connectedAt) : 'unknown'}</dd>
                  <dt>Permissions</dt>
                  <dd>{status.data.scopes.join(', ')}</dd>
                </dl>
              ) : null}
              <OrganisationSwitcher tenants={status.data.tenants} />
              <p>
                <Link to="/contacts">Browse contacts</Link> · <Link to="/match">Match my account</Link> ·{' '}
                <button
                  type="button"
                  className="link-button"
                  onClick={() => connect(xeroPagePath)}
                  disabled={isPending}
                >
                  Connect another organisation
                </button>
              </p>
              <DisconnectSection onDisconnected={setDisconnectMessage} />
            </section>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
