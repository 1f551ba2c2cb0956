import { useId } from 'react';
import { Alert } from '../../components/alert';
import { messageOf } from '../../lib/app-error';
import { notify } from '../../lib/notify';
import { trpc, type RouterOutputs } from '../../trpc';

type Tenant = RouterOutputs['xero']['status']['tenants'][number];

/** Which organisation every Xero page reads; in the header of every page, and on the Xero page. */
export function OrganisationSwitcher({ tenants, compact = false }: { tenants: Tenant[]; compact?: boolean }) {
  const id = useId();
  const utils = trpc.useUtils();
  const select = trpc.xero.selectTenant.useMutation({
    onSuccess: async (status) => {
      utils.xero.status.setData(undefined, status);
      notify.success(`Switched to ${status.selectedTenant?.name ?? 'the organisation'}`);
      // Everything read from Xero so far belongs to the previous organisation.
      await utils.xero.invalidate();
    },
  });
  const selected = tenants.find((tenant) => tenant.selected)?.tenantId ?? '';
  // One organisation leaves nothing to choose: a select that cannot be opened would look broken.
  if (tenants.length < 2) {
    const only = tenants[0]?.name ?? '';
    return compact ? (
      <p className="switcher-single">
        <span className="sr-only">Organisation: </span>
        {only}
      </p>
    ) : null;
  }
  return (
    <div className={compact ? 'switcher' : 'field'}>
      <label htmlFor={id} className={compact ? 'sr-only' : undefined}>
        Organisation
      </label>
      <select
        id={id}
        value={selected}
        disabled={select.isPending}
        onChange={(event) => select.mutate({ tenantId: event.target.value })}
      >
        {tenants.map((tenant) => (
          <option key={tenant.tenantId} value={tenant.tenantId}>
            {tenant.name}
          </option>
        ))}
      </select>
      {select.isPending ? <p className="field-hint">Switching…</p> : null}
      {select.error ? <Alert>{messageOf(select.error)}</Alert> : null}
    </div>
  );
}
