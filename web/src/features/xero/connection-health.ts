import type { RouterOutputs } from '../../trpc';

type Health = NonNullable<RouterOutputs['xero']['status']['health']>;

/** One wording of a connection's health for every page, so Home and the Xero page never disagree. */
export const healthText: Record<Health, { heading: string; detail: string; tone: 'success' | 'error' | 'info' }> = {
  ok: { heading: 'Connected', detail: 'Working normally.', tone: 'success' },
  needs_reconnect: {
    heading: 'Needs reconnecting',
    detail: 'Xero no longer accepts this connection: it expired or was revoked. Reconnect to carry on.',
    tone: 'error',
  },
  organisation_removed: {
    heading: 'Organisation disconnected in Xero',
    detail: 'This organisation was disconnected inside Xero. Choose another one, or connect it again.',
    tone: 'error',
  },
  unknown: {
    heading: 'Status unknown',
    detail: 'The last check could not reach Xero, so we cannot tell whether the connection still works.',
    tone: 'info',
  },
};
