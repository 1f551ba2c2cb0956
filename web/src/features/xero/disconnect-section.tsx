import { useState } from 'react';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { messageOf } from '../../lib/app-error';
import { trpc, type RouterOutputs } from '../../trpc';

type DisconnectReport = RouterOutputs['xero']['disconnect'];

export function describeDisconnect(report: DisconnectReport): string {
  if (!report.disconnected) return 'There was no Xero connection to remove.';
  if (report.xeroUnreachable)
    return 'Disconnected here. Xero could not be reached, so you may also want to remove this app in Xero’s settings.';
  return 'Disconnected from Xero.';
}

/** Disconnect sits behind a confirmation: it ends access for every connected organisation. */
export function DisconnectSection({ onDisconnected }: { onDisconnected: (message: string) => void }) {
  const utils = trpc.useUtils();
  const [confirming, setConfirming] = useState(false);
  const disconnect = trpc.xero.disconnect.useMutation({
    onSuccess: async (report) => {
      setConfirming(false);
      // Said by the page: this section disappears once the status shows no connection.
      onDisconnected(describeDisconnect(report));
      await utils.xero.invalidate();
    },
  });
  return (
    <section className="stack" aria-labelledby="disconnect-title">
      <h2 id="disconnect-title">Disconnect</h2>
      {disconnect.error ? <Alert>{messageOf(disconnect.error)}</Alert> : null}
      {confirming ? (
        <div className="confirm" role="group" aria-label="Confirm disconnect">
          <p>Disconnect from Xero? This app will lose access to your organisations until you connect again.</p>
          <div className="actions">
            <Button
              variant="danger"
              busy={disconnect.isPending}
              busyLabel="Disconnecting…"
              onClick={() => disconnect.mutate()}
            >
              Yes, disconnect
            </Button>
            <Button variant="secondary" onClick={() => setConfirming(false)} disabled={disconnect.isPending}>
              Keep connected
            </Button>
          </div>
        </div>
      ) : (
        <Button variant="secondary" onClick={() => setConfirming(true)}>
          Disconnect Xero
        </Button>
      )}
    </section>
  );
}
