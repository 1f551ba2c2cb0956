import { TaskCancelledError, TimeoutStrategy, timeout } from 'cockatiel';
import type { XeroDb } from '../xero-db';
import { classifyXeroError, XeroFailure } from '../xero-failure';
import { Breakers } from './breakers';
import type { XeroCallLimits } from './call-limits';
import { RateGovernor } from './rate-governor';
import { ResponseProbe } from './response-probe';
import type { XeroLog } from './xero-log';

/** One call to the Accounting API, for one organisation, on behalf of one caller. */
export interface ApiCall {
  operation: string;
  tenantId: string;
  /** The organisation's name, for messages and the log. */
  organisation: string;
  clientId: string;
  /** Epoch ms by which the caller must have an answer, whatever happens. */
  deadline: number;
}

export interface ApiRecovery {
  /** After a 401: refresh the access token (once), then the call is tried again. */
  unauthorized?: () => Promise<void>;
}

const maxRateLimitWaits = 2;

/**
 * The one way out to Xero. Every request passes here: a deadline per attempt that really aborts the
 * request (cockatiel's timeout, its signal handed to axios or fetch), a circuit breaker per organisation
 * and one per token endpoint, the rate governor in PostgreSQL for the Accounting API, a check that the
 * answer is what Xero promised, and one warning line in the log per failure.
 */
export class XeroGate {
  readonly governor: RateGovernor;
  private readonly breakers: Breakers;

  constructor(
    db: XeroDb,
    readonly limits: XeroCallLimits,
    private readonly log: XeroLog,
  ) {
    this.governor = new RateGovernor(db, limits);
    this.breakers = new Breakers(limits.breakerFailures, limits.breakerCooldownMs);
  }

  /** A deadline for a new caller: now plus the budget. */
  deadline(): number {
    return Date.now() + this.limits.budgetMs;
  }

  private async withDeadline<T>(deadline: number, task: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const attemptMs = Math.min(this.limits.timeoutMs, deadline - Date.now());
    if (attemptMs <= 0) throw new XeroFailure('timeout');
    try {
      return await timeout(attemptMs, TimeoutStrategy.Aggressive).execute(({ signal }) => task(signal));
    } catch (error) {
      if (error instanceof TaskCancelledError) throw new XeroFailure('timeout');
      throw error;
    }
  }

  private report(
    failure: XeroFailure,
    fields: { operation: string; organisation: string | null; started: number },
    retry: string,
  ) {
    const line = {
      organisation: fields.organisation,
      operation: fields.operation,
      status: failure.status,
      durationMs: Date.now() - fields.started,
      kind: failure.kind,
      retry,
      ...(failure.reason ? { reason: failure.reason } : {}),
      ...(failure.contentType ? { contentType: failure.contentType } : {}),
      ...(failure.retryAfterSeconds !== null ? { retryAfterSeconds: failure.retryAfterSeconds } : {}),
      ...(failure.problem ? { problem: failure.problem } : {}),
    };
    if (failure.kind === 'internal') this.log.error(line, 'Xero call failed: our own error');
    else this.log.warn(line, 'Xero call failed');
  }

  /** One attempt: admission by the governor, the breaker, the deadline, the probe. */
  private async attempt<T>(call: ApiCall, run: (probe: ResponseProbe) => Promise<T>): Promise<T> {
    this.breakers.check(call.tenantId);
    const admission = await this.governor.acquire(call.tenantId, call.clientId, call.deadline - 50);
    if (!admission.admitted)
      throw new XeroFailure('rate_limited', {
        retryAfterSeconds: Math.max(1, Math.ceil(admission.waitMs / 1000)),
        problem: admission.problem,
        reason: 'our share of the limit is used up',
      });
    let probe: ResponseProbe | null = null;
    try {
      return await this.breakers.run(call.tenantId, () =>
        this.withDeadline(call.deadline, async (signal) => {
          probe = new ResponseProbe(signal);
          try {
            return await run(probe);
          } catch (error) {
            if (probe.badResponse) throw probe.badResponse;
            if (signal.aborted) throw new XeroFailure('timeout');
            throw classifyXeroError(error);
          }
        }),
      );
    } finally {
      const seen = probe as ResponseProbe | null;
      const settle = async () => {
        await this.governor.release(admission.permit);
        if (seen?.status === 429) {
          const failure = classifyXeroError({ response: { status: 429, headers: seen.headers } });
          await this.governor.noteRateLimited(call.tenantId, failure.retryAfterSeconds ?? 60, failure.problem);
        } else if (seen?.status) {
          await this.governor.observe(call.tenantId, seen.headers);
        }
      };
      // After a 429 the retry must find the wait already written. Otherwise the caller has its answer and
      // need not wait for the bookkeeping: the release is sent at once, off the caller's path.
      if (seen?.status === 429) await settle();
      else
        settle().catch((error: unknown) =>
          this.log.error(
            { operation: call.operation, organisation: call.organisation, error: (error as Error).name },
            'Releasing a Xero call slot failed; its lease will expire',
          ),
        );
    }
  }

  /**
   * An Accounting API call, with the retries that are safe: after a 401 one refresh and one retry;
   * after a 429 waiting (every process waits) while the budget allows; after a timeout or an outage one
   * more attempt if the budget holds a whole one. Throws a XeroFailure, or the refresh's own AppError.
   */
  async api<T>(call: ApiCall, run: (probe: ResponseProbe) => Promise<T>, recovery: ApiRecovery = {}): Promise<T> {
    let refreshed = false;
    let transientRetried = false;
    let rateLimitWaits = 0;
    for (;;) {
      const started = Date.now();
      try {
        return await this.attempt(call, run);
      } catch (error) {
        const failure = classifyXeroError(error);
        const remaining = call.deadline - Date.now();
        let retry = 'no';
        if (failure.kind === 'unauthorized' && !refreshed && recovery.unauthorized)
          retry = 'after refreshing the token';
        // A 429 from Xero (no reason of ours) may be waited out; our own refusal already waited all it could.
        else if (
          failure.kind === 'rate_limited' &&
          failure.reason === undefined &&
          rateLimitWaits < maxRateLimitWaits &&
          (failure.retryAfterSeconds ?? 60) * 1000 < remaining
        )
          retry = 'after Retry-After';
        else if (
          (failure.kind === 'timeout' || failure.kind === 'unavailable') &&
          !transientRetried &&
          remaining >= Math.min(this.limits.timeoutMs, 2000)
        )
          retry = 'once more';
        this.report(failure, { operation: call.operation, organisation: call.organisation, started }, retry);
        if (retry === 'no') throw failure;
        if (failure.kind === 'unauthorized') {
          refreshed = true;
          // Its failures are already ours (XERO_REAUTH_REQUIRED after invalid_grant): they pass as they are.
          await recovery.unauthorized?.();
        } else if (failure.kind === 'rate_limited') rateLimitWaits += 1;
        else transientRetried = true;
      }
    }
  }

  /** A call to Xero's identity service (token, revocation): breaker per app and deadline. */
  async identity<T>(
    key: string,
    operation: string,
    deadline: number,
    run: (signal: AbortSignal) => Promise<T>,
  ): Promise<T> {
    const started = Date.now();
    try {
      this.breakers.check(`identity:${key}`);
      return await this.breakers.run(`identity:${key}`, () =>
        this.withDeadline(deadline, async (signal) => {
          try {
            return await run(signal);
          } catch (error) {
            throw classifyXeroError(error);
          }
        }),
      );
    } catch (error) {
      const failure = classifyXeroError(error);
      this.report(failure, { operation, organisation: null, started }, 'no');
      throw failure;
    }
  }

  /** A call Xero counts against no organisation (/connections, discovery): the deadline alone. */
  async plain<T>(operation: string, deadline: number, run: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const started = Date.now();
    try {
      return await this.withDeadline(deadline, async (signal) => {
        try {
          return await run(signal);
        } catch (error) {
          if (signal.aborted) throw new XeroFailure('timeout');
          throw classifyXeroError(error);
        }
      });
    } catch (error) {
      const failure = classifyXeroError(error);
      this.report(failure, { operation, organisation: null, started }, 'no');
      throw failure;
    }
  }
}
