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
  const [webhookKey, setWebhookKey] = useState('');
  const save = trpc.xero.saveSettings.useMutation({
    onSuccess: async (next) => {
      utils.xero.settings.setData(undefined, next);
      setClientSecret('');
      setWebhookKey('');
      notify.success('Xero settings saved');
      await utils.xero.status.invalidate();
    },
  });
  const failure = readAppError(save.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate({ clientId, clientSecret, webhookKey });
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
      {view.webhookKeyFromEnvironment ? null : (
        <TextField
          label="Webhooks key (optional)"
          name="webhookKey"
          type="password"
          autoComplete="new-password"
          hint={
            view.hasWebhookKey
              ? 'A key is saved and is never shown. Leave this empty to keep it.'
              : 'From the Webhooks page of your app in Xero’s developer portal. Without it, contacts refresh every few minutes instead of within seconds.'
          }
          value={webhookKey}
          onChange={(e) => setWebhookKey(e.target.value)}
          errors={failure?.fieldErrors.webhookKey}
        />
      )}
      <div>
        <Button type="submit" busy={save.isPending} busyLabel="Saving…">
          Save
        </Button>
      </div>
    </form>
  );
}
