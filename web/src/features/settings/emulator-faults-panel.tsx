import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { messageOf } from '../../lib/app-error';
import { trpc } from '../../trpc';

const faults = [
  { fault: 'rate_limit', label: 'Rate-limit the next calls' },
  { fault: 'xero_down', label: 'Make Xero unavailable' },
  { fault: 'revoke_grants', label: 'Revoke every connection' },
  { fault: 'clear', label: 'Clear faults' },
] as const;

/** Development with the built-in emulator: make it misbehave, then look at the other pages. */
export function EmulatorFaultsPanel() {
  const inject = trpc.emulator.injectFault.useMutation();
  return (
    <section className="card stack" aria-labelledby="faults-title">
      <h2 id="faults-title">Try the failure paths</h2>
      <p>Make the built-in emulator misbehave, then open Contacts or Match to see what a person sees.</p>
      <div className="actions">
        {faults.map(({ fault, label }) => (
          <Button
            key={fault}
            variant="secondary"
            busy={inject.isPending && inject.variables?.fault === fault}
            busyLabel="Working…"
            disabled={inject.isPending}
            onClick={() => inject.mutate({ fault })}
          >
            {label}
          </Button>
        ))}
      </div>
      {inject.data ? <Alert tone="success">{inject.data.done}</Alert> : null}
      {inject.error ? <Alert>{messageOf(inject.error)}</Alert> : null}
    </section>
  );
}
