import { useEffect, useRef } from 'react';
import { Button } from '../../components/button';
import { fromNow } from '../../lib/format';
import { trpc, type RouterOutputs } from '../../trpc';
import './sync-status.css';

type SyncStatus = RouterOutputs['xero']['syncStatus'];

const count = new Intl.NumberFormat('en');

function headline(status: SyncStatus): string {
  switch (status.state) {
    case 'never_synced':
      return 'Preparing to sync contacts…';
    case 'syncing': {
      const progress = status.progress;
      if (progress && progress.contactsTotal !== null)
        return `Syncing contacts: ${count.format(progress.contactsDone)} of ${count.format(progress.contactsTotal)}`;
      return 'Syncing contacts…';
    }
    case 'failing':
      return 'Contacts could not be synced';
    case 'up_to_date':
      if (status.live) return `Live · changes in Xero show here in seconds`;
      return status.lastSuccessAt ? `Up to date · synced ${fromNow(status.lastSuccessAt)}` : 'Up to date';
  }
}

/**
 * Where the selected organisation's contacts mirror stands: up to date, syncing (with a progress bar),
 * or failing with the reason. Polls every second while a sync runs; when the first sync completes the
 * contacts are fetched again, now from the mirror.
 */
export function SyncStatusPanel() {
  const utils = trpc.useUtils();
  const status = trpc.xero.syncStatus.useQuery(undefined, {
    refetchInterval: (query) => {
      const state = query.state.data?.state;
      return state === 'syncing' || state === 'never_synced' ? 1000 : 30_000;
    },
    retry: false,
  });
  const syncNow = trpc.xero.syncNow.useMutation({
    onSuccess: (result) => utils.xero.syncStatus.setData(undefined, result.status),
  });
  const wasReady = useRef<boolean | null>(null);
  const ready = status.data?.mirrorReady ?? null;
  useEffect(() => {
    if (wasReady.current === false && ready === true) void utils.xero.contacts.invalidate();
    wasReady.current = ready;
  }, [ready, utils]);

  const data = status.data;
  if (!data) return null;
  const progress = data.progress;
  const running = data.state === 'syncing' || data.state === 'never_synced';
  return (
    <section className={`sync-status sync-${data.state}`} aria-label="Contacts sync">
      <p className="sync-headline" role="status" aria-live="polite">
        {headline(data)}
      </p>
      {running ? (
        <progress
          aria-label="Contacts synced"
          max={progress?.contactsTotal ?? undefined}
          value={progress?.contactsTotal ? progress.contactsDone : undefined}
        />
      ) : null}
      {data.state === 'failing' && data.reason ? <p className="sync-reason">{data.reason}</p> : null}
      <p className="sync-details">
        {data.state === 'failing' && data.lastSuccessAt ? `Last synced ${fromNow(data.lastSuccessAt)}. ` : ''}
        {data.mirrorReady ? `${count.format(data.contactCount)} contacts. ` : ''}
        {!running && data.nextRunAt ? `Next sync ${fromNow(data.nextRunAt)}.` : ''}
      </p>
      {!running ? (
        <Button variant="secondary" disabled={syncNow.isPending} onClick={() => syncNow.mutate()}>
          {syncNow.isPending ? 'Asking…' : 'Sync now'}
        </Button>
      ) : null}
    </section>
  );
}
