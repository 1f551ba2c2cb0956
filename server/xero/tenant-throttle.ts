import { AppError } from '../../shared/errors';

/**
 * Keeps this process inside Xero's per-tenant limits (5 calls in flight, 60 a minute) so users meet
 * a short wait rather than a 429. A call that would have to wait longer than `maxWaitMs` is refused
 * with XERO_RATE_LIMITED instead of piling up.
 */
export interface ThrottleLimits {
  concurrent: number;
  perMinute: number;
  maxWaitMs: number;
}

interface TenantState {
  inFlight: number;
  started: number[];
  waiters: (() => void)[];
}

export class TenantThrottle {
  private readonly tenants = new Map<string, TenantState>();

  constructor(private readonly limits: ThrottleLimits = { concurrent: 5, perMinute: 60, maxWaitMs: 10_000 }) {}

  private state(tenantId: string): TenantState {
    let state = this.tenants.get(tenantId);
    if (!state) {
      state = { inFlight: 0, started: [], waiters: [] };
      this.tenants.set(tenantId, state);
    }
    return state;
  }

  async run<T>(tenantId: string, task: () => Promise<T>): Promise<T> {
    const state = this.state(tenantId);
    const deadline = Date.now() + this.limits.maxWaitMs;
    for (;;) {
      const now = Date.now();
      state.started = state.started.filter((at) => now - at < 60_000);
      const minuteFull = state.started.length >= this.limits.perMinute;
      if (!minuteFull && state.inFlight < this.limits.concurrent) break;
      const waitMs = minuteFull ? (state.started[0] ?? now) + 60_000 - now : 50;
      if (now + waitMs > deadline) {
        throw new AppError(
          'XERO_RATE_LIMITED',
          'Too many Xero requests for this organisation right now. Please try again shortly.',
          {
            retryAfter: Math.ceil(waitMs / 1000),
          },
        );
      }
      // Wait for a slot to free up (concurrency) or the minute window to move on, whichever is first.
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.max(1, waitMs));
        state.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    state.inFlight += 1;
    state.started.push(Date.now());
    try {
      return await task();
    } finally {
      state.inFlight -= 1;
      state.waiters.shift()?.();
    }
  }
}
