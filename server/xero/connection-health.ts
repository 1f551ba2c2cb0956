/**
 * How a connection is doing, in the words the pages use:
 * - `ok`: the grant works, as far as we last saw;
 * - `needs_reconnect`: Xero refused the grant (revoked, expired after 60 idle days): only the user can fix it;
 * - `organisation_removed`: the grant works but the selected organisation was disconnected inside Xero;
 * - `unknown`: the last check could not reach Xero, so we cannot say.
 */
export const connectionHealths = ['ok', 'needs_reconnect', 'organisation_removed', 'unknown'] as const;
export type ConnectionHealth = (typeof connectionHealths)[number];

export interface HealthFacts {
  connectionStatus: 'active' | 'needs_reauth';
  /** Set by the daily check of Xero's /connections when the selected organisation is no longer there. */
  organisationRemoved?: boolean;
  /** Set when the last check could not reach Xero. */
  lastCheckFailed?: boolean;
}

/** Needing a reconnect outranks everything: nothing else can be known until the user reconnects. */
export function connectionHealth(facts: HealthFacts): ConnectionHealth {
  if (facts.connectionStatus !== 'active') return 'needs_reconnect';
  if (facts.organisationRemoved) return 'organisation_removed';
  if (facts.lastCheckFailed) return 'unknown';
  return 'ok';
}
