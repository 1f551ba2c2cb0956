import { useState, type FormEvent } from 'react';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { Loading } from '../../components/loading';
import { TextField } from '../../components/text-field';
import { messageOf, readAppError } from '../../lib/app-error';
import { trpc, type RouterOutputs } from '../../trpc';

const sourceLabels = {
  environment: 'the server’s environment (XERO_CLIENT_ID / XERO_CLIENT_SECRET)',
  settings: 'the credentials saved on this page',
  emulator: 'the built-in Xero emulator',
  none: 'nothing yet: Xero is switched off',
} as const;

type SettingsView = RouterOutputs['xero']['settings'];

export function XeroSettingsPage() {
  const settings = trpc.xero.settings.useQuery();
  if (settings.isPending) return <Loading />;
  if (settings.error) return <Alert>{messageOf(settings.error)}</Alert>;
  return <XeroSettingsForm view={settings.data} />;
}

function XeroSettingsForm({ view }: { view: SettingsView }) {
  const utils = trpc.useUtils();
  const [clientId, setClientId] = useState(view.clientId ?? '');
  const [clientSecret, setClientSecret] = useState('');
  const [copied, setCopied] = useState(false);
  const save = trpc.xero.saveSettings.useMutation({
    onSuccess: async (view) => {
      utils.xero.settings.setData(undefined, view);
      setClientSecret('');
      await utils.xero.status.invalidate();
    },
  });
  const failure = readAppError(save.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate({ clientId, clientSecret });
  }

  async function copyRedirect() {
    await navigator.clipboard.writeText(view.redirectUri);
    setCopied(true);
  }

  return (
    <div className="stack narrow-content">
      <h1>Xero app settings</h1>
      <p>Xero is currently using {sourceLabels[view.source]}.</p>
      {view.environmentWins ? (
        <Alert tone="info">
          The server’s environment sets the Xero app; it takes precedence over anything saved here.
        </Alert>
      ) : null}
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
      <form className="card form" onSubmit={submit} noValidate>
        {save.isSuccess ? <Alert tone="success">Saved. New connections use these credentials.</Alert> : null}
        {failure && !Object.keys(failure.fieldErrors).length ? <Alert>{failure.message}</Alert> : null}
        <TextField
          label="Client id"
          name="clientId"
          autoComplete="off"
          value={clientId}
          onChange={(e) => setClientId(e.target.value)}
          errors={failure?.fieldErrors.clientId}
        />
        <TextField
          label="Client secret"
          name="clientSecret"
          type="password"
          autoComplete="new-password"
          hint={
            view.hasClientSecret
              ? 'A secret is stored and is never shown. Leave empty to keep it.'
              : 'From Xero’s developer portal. It is stored encrypted and never shown again.'
          }
          value={clientSecret}
          onChange={(e) => setClientSecret(e.target.value)}
          errors={failure?.fieldErrors.clientSecret}
        />
        <Button type="submit" busy={save.isPending} busyLabel="Saving…">
          Save
        </Button>
      </form>
    </div>
  );
}
