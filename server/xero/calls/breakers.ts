import {
  BrokenCircuitError,
  CircuitState,
  ConsecutiveBreaker,
  circuitBreaker,
  handleWhen,
  type CircuitBreakerPolicy,
} from 'cockatiel';
import { XeroFailure } from '../xero-failure';

/** Failures that say Xero (or the path to it) is down; a 4xx or a bad body says nothing about that. */
const isOutage = (error: unknown) =>
  error instanceof XeroFailure && (error.kind === 'timeout' || error.kind === 'unavailable');

interface Breaker {
  policy: CircuitBreakerPolicy;
  openedAt: number;
}

/**
 * A circuit breaker per key (an organisation, or the token endpoint of one Xero app), from cockatiel:
 * after `failures` consecutive outages it opens, callers fail at once for `cooldownMs`, then one trial
 * call decides whether it closes again. In memory: each process learns of an outage on its own, which
 * costs at most `failures` slow calls per process.
 */
export class Breakers {
  private readonly breakers = new Map<string, Breaker>();

  constructor(
    private readonly failures: number,
    private readonly cooldownMs: number,
  ) {}

  private breaker(key: string): Breaker {
    let breaker = this.breakers.get(key);
    if (!breaker) {
      const policy = circuitBreaker(handleWhen(isOutage), {
        halfOpenAfter: this.cooldownMs,
        breaker: new ConsecutiveBreaker(this.failures),
      });
      const created: Breaker = { policy, openedAt: 0 };
      policy.onBreak(() => (created.openedAt = Date.now()));
      breaker = created;
      this.breakers.set(key, breaker);
    }
    return breaker;
  }

  private openFailure(breaker: Breaker): XeroFailure {
    const remaining = breaker.openedAt + this.cooldownMs - Date.now();
    return new XeroFailure('circuit_open', { retryAfterSeconds: Math.max(1, Math.ceil(remaining / 1000)) });
  }

  /** Throws circuit_open without doing anything while the breaker is open and cooling down. */
  check(key: string): void {
    const breaker = this.breaker(key);
    if (breaker.policy.state === CircuitState.Open && Date.now() - breaker.openedAt < this.cooldownMs)
      throw this.openFailure(breaker);
  }

  async run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const breaker = this.breaker(key);
    try {
      return await breaker.policy.execute(task);
    } catch (error) {
      if (error instanceof BrokenCircuitError) throw this.openFailure(breaker);
      throw error;
    }
  }
}
