import { useState, type FormEvent } from 'react';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { TextField } from '../../components/text-field';
import { readAppError } from '../../lib/app-error';
import { notify } from '../../lib/notify';
import { trpc, type RouterOutputs } from '../../trpc';

type SettingsView = RouterOutputs['xero']['settings'];

/** Client id and write-only secret; an empty secret keeps the one already saved. */
export function CredentialsForm({ view }: { view: SettingsView }) {
  const utils = trpc.useUtils();
  const [clientId, setClientId] = useState(view.clientId ?? '');
  const [clientSecret, setClientSecret] = useState('');
  const save = trpc.xero.saveSettings.useMutation({
    onSuccess: async (next) => {
      utils.xero.settings.setData(undefined, next);
      setClientSecret('');
      notify.success('Xero settings saved');
      await utils.xero.status.invalidate();
    },
  });
  const failure = readAppError(save.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate({ clientId, clientSecret });
  }

  return (
    <form className="card form" onSubmit={submit} noValidate aria-labelledby="credentials-title">
      <h2 id="credentials-title">Credentials</h2>
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
          view.hasSavedCredentials
            ? 'A secret is saved and is never shown. Leave this empty to keep it.'
            : 'From Xero’s developer portal. It is stored encrypted and never shown again.'
        }
        value={clientSecret}
        onChange={(e) => setClientSecret(e.target.value)}
        errors={failure?.fieldErrors.clientSecret}
      />
      <div>
        <Button type="submit" busy={save.isPending} busyLabel="Saving…">
          Save
        </Button>
      </div>
    </form>
  );
}
