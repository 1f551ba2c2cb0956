import type { ReactNode } from 'react';
import { Alert } from '../../components/alert';
import { Loading } from '../../components/loading';
import { readAppError } from '../../lib/app-error';
import { XeroInterstitial } from './xero-interstitial';

interface XeroQueryStateProps {
  isPending: boolean;
  error: unknown;
  loading?: ReactNode;
  children: ReactNode;
}

/**
 * The one place that turns a Xero query's failure into UI: the interstitial when the user must
 * connect (or reconnect), a rate-limit notice with the wait, or the error's sentence.
 */
export function XeroQueryState({ isPending, error, loading, children }: XeroQueryStateProps) {
  const failure = readAppError(error);
  if (failure?.appCode === 'XERO_NOT_CONNECTED') return <XeroInterstitial reason="not_connected" />;
  if (failure?.appCode === 'XERO_REAUTH_REQUIRED') return <XeroInterstitial reason="reauth_required" />;
  if (failure?.appCode === 'XERO_RATE_LIMITED') {
    return (
      // The message already says how long to wait, in words.
      <Alert tone="info">{failure.message}</Alert>
    );
  }
  if (failure) return <Alert>{failure.message}</Alert>;
  if (isPending) return <>{loading ?? <Loading />}</>;
  return <>{children}</>;
}
