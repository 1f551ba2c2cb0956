import { useState, type FormEvent } from 'react';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { TextField } from '../../components/text-field';
import { readAppError } from '../../lib/app-error';
import { notify } from '../../lib/notify';
import { trpc } from '../../trpc';

/** The profile's "Xero email": for people whose Xero login uses another address than this app. */
export function XeroEmailForm({ current }: { current: string | null }) {
  const utils = trpc.useUtils();
  const [value, setValue] = useState(current ?? '');
  const save = trpc.auth.setXeroEmail.useMutation({
    onSuccess: async (_saved, { xeroEmail }) => {
      notify.success(xeroEmail.trim() ? 'Xero email saved' : 'Xero email cleared');
      await utils.auth.me.invalidate();
      await utils.xero.guessUser.invalidate();
    },
  });
  const failure = readAppError(save.error);
  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate({ xeroEmail: value });
  }
  return (
    <form className="card form" onSubmit={submit} noValidate>
      <TextField
        label="Your email at Xero"
        type="email"
        name="xeroEmail"
        hint="Only if you sign in to Xero with a different address. Leave empty otherwise."
        value={value}
        onChange={(event) => setValue(event.target.value)}
        errors={failure?.fieldErrors.xeroEmail}
      />
      {save.isSuccess ? <Alert tone="success">Saved.</Alert> : null}
      {failure && !failure.fieldErrors.xeroEmail ? <Alert>{failure.message}</Alert> : null}
      <div>
        <Button type="submit" variant="secondary" busy={save.isPending} busyLabel="Saving…">
          Save Xero email
        </Button>
      </div>
    </form>
  );
}
