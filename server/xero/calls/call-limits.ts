/** How calls to Xero are bounded. Xero's documented limits are the defaults. */
export interface XeroCallLimits {
  /** Per organisation: calls in flight, calls in any 60 seconds, calls per UTC day. */
  concurrent: number;
  perMinute: number;
  perDay: number;
  /** Per app (client id), calls in any 60 seconds. */
  appPerMinute: number;
  /** One attempt's deadline; the request is aborted when it passes. */
  timeoutMs: number;
  /** Everything one caller may spend on one call: waiting for a slot, refreshing, retrying. */
  budgetMs: number;
  /** Circuit breaker: consecutive failures that open it, and how long it stays open. */
  breakerFailures: number;
  breakerCooldownMs: number;
}

export const defaultCallLimits: XeroCallLimits = {
  concurrent: 5,
  perMinute: 60,
  perDay: 5000,
  appPerMinute: 10_000,
  timeoutMs: 10_000,
  budgetMs: 25_000,
  breakerFailures: 5,
  breakerCooldownMs: 15_000,
};
