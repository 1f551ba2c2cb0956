import { trpc } from '../../trpc';
import { rememberConnectStarted } from './connect-toast';

/**
 * Starts "Connect Xero": asks the server for a consent URL bound to this session, then leaves the SPA
 * for Xero by a top-level navigation (Xero's consent page cannot run in a frame or popup we control).
 */
export function useConnectXero() {
  const authUrl = trpc.xero.authUrl.useMutation({
    onSuccess: ({ url }) => {
      rememberConnectStarted();
      window.location.assign(url);
    },
  });
  return {
    connect: (next: string) => authUrl.mutate({ next }),
    // Still "pending" after success: the browser is on its way to Xero.
    isPending: authUrl.isPending || authUrl.isSuccess,
    error: authUrl.error,
  };
}
