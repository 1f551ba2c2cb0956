import { useRef } from 'react';
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

/**
 * Disconnect sits behind a confirmation: it ends access for every connected organisation. The
 * confirmation is a native modal <dialog>: the browser holds focus inside, Escape closes it, and focus
 * returns to the button that opened it.
 */
export function DisconnectSection({ onDisconnected }: { onDisconnected: (message: string) => void }) {
  const utils = trpc.useUtils();
  const dialog = useRef<HTMLDialogElement>(null);
  const disconnect = trpc.xero.disconnect.useMutation({
    onSuccess: async (report) => {
      dialog.current?.close();
      // Said by the page: this section disappears once the status shows no connection.
      onDisconnected(describeDisconnect(report));
      await utils.xero.invalidate();
    },
  });
  return (
    <section className="stack" aria-labelledby="disconnect-title">
      <h2 id="disconnect-title">Disconnect</h2>
      <p className="field-hint">Ends this app’s access to all your connected organisations.</p>
      <div>
        <Button variant="secondary" onClick={() => dialog.current?.showModal()}>
          Disconnect Xero
        </Button>
      </div>
      <dialog
        ref={dialog}
        className="dialog"
        aria-labelledby="disconnect-dialog-title"
        aria-describedby="disconnect-dialog-text"
        // Escape while disconnecting must not hide a request that is still running.
        onCancel={(event) => disconnect.isPending && event.preventDefault()}
      >
        <h2 id="disconnect-dialog-title">Disconnect from Xero?</h2>
        <p id="disconnect-dialog-text">
          This app will lose access to your organisations until you connect again. Your contacts stay in Xero.
        </p>
        {disconnect.error ? <Alert>{messageOf(disconnect.error)}</Alert> : null}
        <div className="actions">
          <Button
            variant="danger"
            busy={disconnect.isPending}
            busyLabel="Disconnecting…"
            onClick={() => disconnect.mutate()}
          >
            Yes, disconnect
          </Button>
          <Button variant="secondary" autoFocus onClick={() => dialog.current?.close()} disabled={disconnect.isPending}>
            Keep connected
          </Button>
        </div>
      </dialog>
    </section>
  );
}
