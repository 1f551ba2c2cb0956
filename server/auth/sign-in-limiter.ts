/**
 * Slows password guessing: after `maxFailures` wrong passwords for one email within `windowMs`, sign-in
 * for that email is refused until the window passes. In memory, per process: a shared store would be
 * needed for a fleet, but one process already bounds a guesser to a handful of tries a minute.
 */
export class SignInLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly maxFailures = 10,
    private readonly windowMs = 15 * 60 * 1000,
  ) {}

  private recent(email: string, now: number): number[] {
    const kept = (this.failures.get(email) ?? []).filter((at) => now - at < this.windowMs);
    if (kept.length === 0) this.failures.delete(email);
    else this.failures.set(email, kept);
    return kept;
  }

  /** Seconds to wait before another try, or 0 when one is allowed now. */
  retryAfter(email: string, now = Date.now()): number {
    const recent = this.recent(email, now);
    if (recent.length < this.maxFailures) return 0;
    return Math.ceil(((recent[0] ?? now) + this.windowMs - now) / 1000);
  }

  recordFailure(email: string, now = Date.now()): void {
    this.failures.set(email, [...this.recent(email, now), now]);
  }

  recordSuccess(email: string): void {
    this.failures.delete(email);
  }
}
