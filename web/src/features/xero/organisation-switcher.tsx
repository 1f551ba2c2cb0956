import { useId } from 'react';
import { Alert } from '../../components/alert';
import { messageOf } from '../../lib/app-error';
import { trpc, type RouterOutputs } from '../../trpc';

type Tenant = RouterOutputs['xero']['status']['tenants'][number];

export function OrganisationSwitcher({ tenants }: { tenants: Tenant[] }) {
  const id = useId();
  const utils = trpc.useUtils();
  const select = trpc.xero.selectTenant.useMutation({
    onSuccess: async (status) => {
      utils.xero.status.setData(undefined, status);
      // Everything read from Xero so far belongs to the previous organisation.
      await utils.xero.invalidate();
    },
  });
  const selected = tenants.find((tenant) => tenant.selected)?.tenantId ?? '';
  return (
    <div className="field">
      <label htmlFor={id}>Organisation</label>
      <select
        id={id}
        value={selected}
        disabled={select.isPending || tenants.length < 2}
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
