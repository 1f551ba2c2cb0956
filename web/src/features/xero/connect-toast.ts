import { useEffect } from 'react';
import { useSearchParams } from 'react-router';
import { notify } from '../../lib/notify';
import type { RouterOutputs } from '../../trpc';

const startedKey = 'xero-connect-started';

/** Remembered across the trip to Xero's consent page, which leaves the SPA. */
export function rememberConnectStarted(): void {
  sessionStorage.setItem(startedKey, String(Date.now()));
}

/** Back from Xero: once the status is known, say "Connected" if the connection really works. */
export function useConnectedToast(status: RouterOutputs['xero']['status'] | undefined): void {
  const [params] = useSearchParams();
  const failed = params.has('xero_error');
  useEffect(() => {
    if (!status || sessionStorage.getItem(startedKey) === null) return;
    sessionStorage.removeItem(startedKey);
    if (failed || !status.connected || status.health !== 'ok') return;
    notify.success(`Connected to Xero${status.selectedTenant ? `: ${status.selectedTenant.name}` : ''}`);
  }, [status, failed]);
}
