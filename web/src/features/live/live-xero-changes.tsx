import { skipToken } from '@tanstack/react-query';
import { trpc } from '../../trpc';

/**
 * Keeps open pages current: while the user is connected, listens to the selected organisation's changes
 * (server-sent events, reconnecting by themselves after a drop) and refetches the contact queries they
 * touch. A fresh start or a reconnect refetches too, since changes may have come while nobody listened.
 */
export function LiveXeroChanges() {
  const utils = trpc.useUtils();
  const status = trpc.xero.status.useQuery();
  const tenantId = status.data?.connected && !status.data.needsReauth ? status.data.selectedTenant?.tenantId : null;
  const refetchContacts = () => {
    void utils.xero.contacts.invalidate();
    void utils.xero.contact.invalidate();
  };
  trpc.xero.changes.useSubscription(tenantId ? { tenantId } : skipToken, {
    onStarted: refetchContacts,
    onData: (change) => {
      if (!change.contactIds) {
        refetchContacts();
        return;
      }
      void utils.xero.contacts.invalidate();
      for (const id of change.contactIds) void utils.xero.contact.invalidate({ id });
    },
  });
  return null;
}
