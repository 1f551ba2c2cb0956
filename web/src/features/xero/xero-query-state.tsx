import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, type ReactNode } from 'react';
import { FailureNotice } from '../../components/failure-notice';
import { Loading } from '../../components/loading';
import { readAppError } from '../../lib/app-error';
import { trpc } from '../../trpc';
import { XeroInterstitial } from './xero-interstitial';

/**
 * For pages whose <h1> comes with their data (a contact's name): the heading to show instead when the
 * data cannot be loaded, so the page still says what it is.
 */
export const FallbackPageHeading = createContext<string | null>(null);

interface XeroQueryStateProps {
  isPending: boolean;
  error: unknown;
  loading?: ReactNode;
  /** How to try again; by default every failed query on the page runs again. */
  onRetry?: () => void;
  children: ReactNode;
}

/**
 * The one place that turns a Xero query's failure into UI: the interstitial when the user must
 * connect (or reconnect), a rate-limit countdown that retries by itself, or the failure with Try again.
 */
export function XeroQueryState({ isPending, error, loading, onRetry, children }: XeroQueryStateProps) {
  const queryClient = useQueryClient();
  const retryFailed = useCallback(
    () => void queryClient.refetchQueries({ predicate: (query) => query.state.status === 'error' }),
    [queryClient],
  );
  const fallbackHeading = useContext(FallbackPageHeading);
  const failure = readAppError(error);
  const utils = trpc.useUtils();
  const appCode = failure?.appCode;
  useEffect(() => {
    // Xero just refused the grant: the header and Home must say so too, not wait for their cache to age.
    if (appCode === 'XERO_REAUTH_REQUIRED') void utils.xero.status.invalidate();
  }, [appCode, utils]);
  if (failure?.appCode === 'XERO_NOT_CONNECTED') return <XeroInterstitial reason="not_connected" />;
  if (failure?.appCode === 'XERO_REAUTH_REQUIRED') return <XeroInterstitial reason="reauth_required" />;
  if (failure) {
    return (
      <>
        {fallbackHeading ? <h1>{fallbackHeading}</h1> : null}
        <FailureNotice error={error} onRetry={onRetry ?? retryFailed} />
      </>
    );
  }
  if (isPending) return <>{loading ?? <Loading />}</>;
  return <>{children}</>;
}
