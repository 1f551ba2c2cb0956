import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { xeroPagePath } from '../../../../shared/routes';
import { xeroCallbackMessage } from '../../../../shared/xero-callback-errors';
import { Alert } from '../../components/alert';
import { FailureNotice } from '../../components/failure-notice';
import { Loading } from '../../components/loading';
import { messageOf } from '../../lib/app-error';
import { fromNow, formatDate } from '../../lib/format';
import { trpc } from '../../trpc';
import { useCurrentUser } from '../auth/use-current-user';
import { healthText } from './connection-health';
import { DisconnectSection } from './disconnect-section';
import { OrganisationSwitcher } from './organisation-switcher';
import { scopeLabel } from './scope-labels';
import { useConnectXero } from './use-connect-xero';
import { XeroConnectButton } from './xero-connect-button';
import { SyncStatusPanel } from '../sync/sync-status';

export function XeroPage() {
  const status = trpc.xero.status.useQuery();
  const me = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const callbackError = xeroCallbackMessage(params.get('xero_error'));
  const { connect, isPending, error } = useConnectXero();
  const [disconnectMessage, setDisconnectMessage] = useState<string | null>(null);
  const disconnectNotice = useRef<HTMLDivElement>(null);
  // The Disconnect button goes away with the connection: focus the outcome instead of losing it.
  useEffect(() => {
    if (disconnectMessage) disconnectNotice.current?.focus();
  }, [disconnectMessage]);

  const dismiss = () => {
    params.delete('xero_error');
    setParams(params, { replace: true });
  };
  const data = status.data;
  const health = data?.health ? healthText[data.health] : null;

  return (
    <div className="stack narrow-content">
      <h1>Xero</h1>
      {callbackError ? (
        <Alert>
          {callbackError}{' '}
          <button type="button" className="link-button" onClick={dismiss}>
            Dismiss
          </button>
        </Alert>
      ) : null}
      {disconnectMessage ? (
        <div ref={disconnectNotice} tabIndex={-1}>
          <Alert tone="success">{disconnectMessage}</Alert>
        </div>
      ) : null}
      {status.isPending ? <Loading label="Loading your Xero connection…" /> : null}
      {status.error ? <FailureNotice error={status.error} onRetry={() => void status.refetch()} /> : null}
      {data ? (
        <>
          {!data.configured ? (
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
          {data.configured && !data.connected ? (
            <section className="card stack" aria-labelledby="connect-title">
              <h2 id="connect-title">Not connected</h2>
              <p>
                Connect your Xero account to browse your organisation’s contacts and match your account to your Xero
                user. You will approve access on Xero’s own page and come straight back here.
              </p>
              <div>
                <XeroConnectButton onClick={() => connect(xeroPagePath)} busy={isPending} />
              </div>
            </section>
          ) : null}
          {data.connected && health ? (
            <section className="card stack" aria-labelledby="connection-title">
              <div className="card-heading">
                <h2 id="connection-title">{health.heading}</h2>
                <span className={`pill pill-${health.tone}`}>{data.selectedTenant?.name ?? 'No organisation'}</span>
              </div>
              {data.health !== 'ok' ? (
                <Alert tone={health.tone === 'error' ? 'error' : 'info'}>
                  <p className="notice-title">{health.detail}</p>
                  <XeroConnectButton onClick={() => connect(xeroPagePath)} busy={isPending}>
                    Reconnect to Xero
                  </XeroConnectButton>
                </Alert>
              ) : null}
              {data.identity ? (
                <dl className="details">
                  <dt>Xero user</dt>
                  <dd>{`${data.identity.givenName} ${data.identity.familyName} (${data.identity.email})`}</dd>
                  {data.health === 'ok' ? (
                    <>
                      <dt>Access</dt>
                      <dd>
                        {/* Xero's access tokens last 30 minutes; the server renews them before they lapse. */}
                        {data.accessTokenExpiresAt
                          ? `Renewed automatically (the current token expires ${fromNow(data.accessTokenExpiresAt)})`
                          : 'Renewed automatically'}
                      </dd>
                    </>
                  ) : null}
                  <dt>Authorised on</dt>
                  <dd>{data.connectedAt ? formatDate(data.connectedAt) : 'Unknown'}</dd>
                  <dt>Permissions</dt>
                  <dd>
                    <ul className="plain-list">
                      {data.scopes.map((scope) => (
                        <li key={scope} title={scope}>
                          {scopeLabel(scope)}
                        </li>
                      ))}
                    </ul>
                  </dd>
                </dl>
              ) : null}
              <OrganisationSwitcher tenants={data.tenants} />
              {data.health === 'ok' ? <SyncStatusPanel /> : null}
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
