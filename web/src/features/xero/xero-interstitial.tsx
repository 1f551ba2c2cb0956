import { createContext, useContext, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { Alert } from '../../components/alert';
import { messageOf } from '../../lib/app-error';
import { useConnectXero } from './use-connect-xero';
import { XeroConnectButton } from './xero-connect-button';

export interface XeroInterstitialProps {
  /** Why the user sees it: never connected, or the connection needs renewing. */
  reason: 'not_connected' | 'reauth_required';
  /** Where to come back to after connecting: the page the user was on. */
  returnTo: string;
}

export function DefaultXeroInterstitial({ reason, returnTo }: XeroInterstitialProps) {
  const { connect, isPending, error } = useConnectXero();
  return (
    <section className="card stack interstitial" aria-labelledby="interstitial-title">
      <h1 id="interstitial-title">Connect to Xero</h1>
      <p>
        {reason === 'reauth_required'
          ? 'Your Xero connection has expired or was revoked. Connect again to carry on; you will come back to this page.'
          : 'This page shows data from your Xero organisation. Connect your Xero account to carry on; you will come back to this page.'}
      </p>
      {error ? <Alert>{messageOf(error)}</Alert> : null}
      <div>
        <XeroConnectButton onClick={() => connect(returnTo)} busy={isPending}>
          {reason === 'reauth_required' ? 'Reconnect to Xero' : 'Connect to Xero'}
        </XeroConnectButton>
      </div>
    </section>
  );
}

export type RenderXeroInterstitial = (props: XeroInterstitialProps) => ReactNode;

/**
 * The interstitial is replaceable, as django-xero let projects override `xero/interstitial.html`:
 * wrap the app in <XeroInterstitialProvider value={(props) => <YourPage {...props} />}> to show your own.
 */
const InterstitialContext = createContext<RenderXeroInterstitial>((props) => <DefaultXeroInterstitial {...props} />);
export const XeroInterstitialProvider = InterstitialContext.Provider;

export function XeroInterstitial({ reason }: { reason: XeroInterstitialProps['reason'] }) {
  const render = useContext(InterstitialContext);
  const location = useLocation();
  return <>{render({ reason, returnTo: `${location.pathname}${location.search}${location.hash}` })}</>;
}
