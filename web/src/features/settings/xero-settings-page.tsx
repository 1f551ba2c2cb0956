import { useRef, useState } from 'react';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { FailureNotice } from '../../components/failure-notice';
import { Loading } from '../../components/loading';
import { messageOf } from '../../lib/app-error';
import { notify } from '../../lib/notify';
import { trpc, type RouterOutputs } from '../../trpc';
import { CredentialsForm } from './credentials-form';
import { EmulatorFaultsPanel } from './emulator-faults-panel';

const sourceLabels = {
  environment: 'the server’s environment (XERO_CLIENT_ID and XERO_CLIENT_SECRET)',
  settings: 'the credentials saved on this page',
  emulator: 'the built-in Xero emulator (development only)',
  none: 'nothing yet: Xero is switched off',
} as const;

const fallbackLabels = {
  environment: 'the server’s environment',
  emulator: 'the built-in Xero emulator',
  none: 'nothing: Xero will be switched off',
} as const;

type SettingsView = RouterOutputs['xero']['settings'];

export function XeroSettingsPage() {
  const settings = trpc.xero.settings.useQuery();
  return (
    <div className="stack narrow-content">
      <h1>Xero app settings</h1>
      {settings.isPending ? <Loading /> : null}
      {settings.error ? <FailureNotice error={settings.error} onRetry={() => void settings.refetch()} /> : null}
      {settings.data ? <SettingsSections view={settings.data} /> : null}
    </div>
  );
}

function SettingsSections({ view }: { view: SettingsView }) {
  const [copied, setCopied] = useState(false);
  const [copiedWebhook, setCopiedWebhook] = useState(false);
  async function copyRedirect() {
    await navigator.clipboard.writeText(view.redirectUri);
    setCopied(true);
  }
  async function copyWebhookUrl() {
    await navigator.clipboard.writeText(view.webhookUrl);
    setCopiedWebhook(true);
  }
  return (
    <>
      <p>
        Xero is currently using <strong>{sourceLabels[view.source]}</strong>.
      </p>
      <section className="card stack" aria-labelledby="redirect-title">
        <h2 id="redirect-title">Redirect URI</h2>
        <p>Add this exact address to your app in Xero’s developer portal:</p>
        <p className="copy-row">
          <code>{view.redirectUri}</code>
          <Button variant="secondary" onClick={() => void copyRedirect()}>
            {copied ? 'Copied' : 'Copy'}
          </Button>
        </p>
      </section>
      <section className="card stack" aria-labelledby="webhook-title">
        <h2 id="webhook-title">Webhooks</h2>
        <p>
          For changes in Xero to show here within seconds, subscribe your Xero app’s webhooks (contacts) to this address
          and save the key Xero shows beside it:
        </p>
        <p className="copy-row">
          <code>{view.webhookUrl}</code>
          <Button variant="secondary" onClick={() => void copyWebhookUrl()}>
            {copiedWebhook ? 'Copied' : 'Copy'}
          </Button>
        </p>
        <p>
          {view.webhookKeyFromEnvironment
            ? 'The server’s environment sets the webhooks key (XERO_WEBHOOK_KEY).'
            : view.hasWebhookKey
              ? 'A webhooks key is in use.'
              : 'No webhooks key yet: contacts still refresh every few minutes.'}
        </p>
      </section>
      {view.environmentWins ? (
        <section className="card stack" aria-labelledby="credentials-title">
          <h2 id="credentials-title">Credentials</h2>
          <p>
            The server’s environment sets the Xero app{view.clientId ? ` (client id ${view.clientId})` : ''}. It takes
            precedence over this page, so there is nothing to change here: set <code>XERO_CLIENT_ID</code> and{' '}
            <code>XERO_CLIENT_SECRET</code> where the server is configured.
          </p>
        </section>
      ) : (
        <CredentialsForm view={view} />
      )}
      {view.source !== 'none' ? <TestConnection source={view.source} /> : null}
      {view.hasSavedCredentials && !view.environmentWins ? <RemoveCredentials view={view} /> : null}
      {view.source === 'emulator' ? <EmulatorFaultsPanel /> : null}
    </>
  );
}

function TestConnection({ source }: { source: SettingsView['source'] }) {
  const test = trpc.xero.testSettings.useMutation();
  const result = test.data;
  return (
    <section className="card stack" aria-labelledby="test-title">
      <h2 id="test-title">Test the connection</h2>
      <p>
        Asks {source === 'emulator' ? 'the emulator' : 'Xero'} whether it accepts the credentials in use, without
        connecting anyone.
      </p>
      <div>
        <Button variant="secondary" busy={test.isPending} busyLabel="Testing…" onClick={() => test.mutate()}>
          Test connection
        </Button>
      </div>
      {result ? <Alert tone={result.outcome === 'accepted' ? 'success' : 'error'}>{result.message}</Alert> : null}
      {test.error ? <Alert>{messageOf(test.error)}</Alert> : null}
    </section>
  );
}

function RemoveCredentials({ view }: { view: SettingsView }) {
  const utils = trpc.useUtils();
  const dialog = useRef<HTMLDialogElement>(null);
  const remove = trpc.xero.removeSettings.useMutation({
    onSuccess: async (next) => {
      dialog.current?.close();
      utils.xero.settings.setData(undefined, next);
      notify.success('Saved credentials removed');
      await utils.xero.status.invalidate();
    },
  });
  return (
    <section className="card stack" aria-labelledby="remove-title">
      <h2 id="remove-title">Remove saved credentials</h2>
      <p>
        Forget the client id and secret saved here. The app then uses {fallbackLabels[view.fallback]}. People connected
        with these credentials will need to connect again.
      </p>
      <div>
        <Button variant="danger" onClick={() => dialog.current?.showModal()}>
          Remove saved credentials
        </Button>
      </div>
      {/* A native modal dialog, as for Disconnect: Escape closes it and focus returns to the button. */}
      <dialog
        ref={dialog}
        className="dialog"
        aria-labelledby="remove-dialog-title"
        onCancel={(event) => remove.isPending && event.preventDefault()}
      >
        <h2 id="remove-dialog-title">Remove the saved credentials?</h2>
        <p>The app will use {fallbackLabels[view.fallback]} from now on.</p>
        {remove.error ? <Alert>{messageOf(remove.error)}</Alert> : null}
        <div className="actions">
          <Button variant="danger" busy={remove.isPending} busyLabel="Removing…" onClick={() => remove.mutate()}>
            Yes, remove them
          </Button>
          <Button variant="secondary" autoFocus disabled={remove.isPending} onClick={() => dialog.current?.close()}>
            Keep them
          </Button>
        </div>
      </dialog>
    </section>
  );
}
