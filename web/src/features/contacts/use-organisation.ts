import { trpc } from '../../trpc';

/** The organisation's kept details (from the status, no Xero call); fetched once a day if none are kept. */
export function useOrganisation() {
  const status = trpc.xero.status.useQuery().data;
  const kept = status?.organisation ?? null;
  const fetched = trpc.xero.organisation.useQuery(undefined, {
    enabled: status?.health === 'ok' && kept === null,
    staleTime: 10 * 60_000,
  });
  return {
    name: kept?.name ?? fetched.data?.name ?? status?.selectedTenant?.name,
    xeroUrl: kept?.xeroUrl ?? fetched.data?.xeroUrl ?? null,
  };
}
