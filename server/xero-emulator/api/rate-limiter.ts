import type { Clock } from '../clock';
import type { EmulatorLimits } from '../options';
import { MinuteWindow } from './sliding-window';

export type LimitProblem = 'concurrent' | 'minute' | 'day' | 'appminute';

interface TenantUsage {
  inFlight: number;
  minute: MinuteWindow;
  day: string;
  dayCount: number;
}

export type Admission =
  | { admitted: true; headers: Record<string, string>; release: () => void }
  | { admitted: false; headers: Record<string, string>; problem: LimitProblem; retryAfterSeconds: number };

const utcDay = (epochMs: number) => new Date(epochMs).toISOString().slice(0, 10);

/** Xero's limits per tenant (in flight, per minute, per day) and per app per minute. */
export class RateLimiter {
  private readonly tenants = new Map<string, TenantUsage>();
  private readonly apps = new Map<string, MinuteWindow>();
  /** Observations for tests: the highest in-flight and per-minute counts per tenant, and refusals. */
  readonly peakInFlight = new Map<string, number>();
  readonly peakMinute = new Map<string, number>();
  refusals = 0;

  constructor(
    private readonly limits: EmulatorLimits,
    private readonly clock: Clock,
  ) {}

  private usage(tenantId: string, now: number): TenantUsage {
    let usage = this.tenants.get(tenantId);
    if (!usage) {
      usage = { inFlight: 0, minute: new MinuteWindow(), day: utcDay(now), dayCount: 0 };
      this.tenants.set(tenantId, usage);
    }
    if (usage.day !== utcDay(now)) {
      usage.day = utcDay(now);
      usage.dayCount = 0;
    }
    return usage;
  }

  admit(tenantId: string, clientId: string, now = this.clock.now()): Admission {
    const usage = this.usage(tenantId, now);
    let app = this.apps.get(clientId);
    if (!app) {
      app = new MinuteWindow();
      this.apps.set(clientId, app);
    }
    const appWindow = app;
    const headers = () => ({
      'x-minlimit-remaining': String(Math.max(0, this.limits.perMinute - usage.minute.count(now))),
      'x-daylimit-remaining': String(Math.max(0, this.limits.perDay - usage.dayCount)),
      'x-appminlimit-remaining': String(Math.max(0, this.limits.appPerMinute - appWindow.count(now))),
    });
    const refuse = (problem: LimitProblem, retryAfterSeconds: number): Admission => {
      this.refusals += 1;
      return {
        admitted: false,
        headers: headers(),
        problem,
        retryAfterSeconds: Math.max(1, Math.ceil(retryAfterSeconds)),
      };
    };
    if (usage.dayCount >= this.limits.perDay) {
      const midnight = Date.parse(`${usage.day}T00:00:00Z`) + 86_400_000;
      return refuse('day', (midnight - now) / 1000);
    }
    if (appWindow.count(now) >= this.limits.appPerMinute) return refuse('appminute', appWindow.secondsUntilFree(now));
    if (usage.minute.count(now) >= this.limits.perMinute) return refuse('minute', usage.minute.secondsUntilFree(now));
    if (usage.inFlight >= this.limits.concurrent) return refuse('concurrent', 1);
    usage.inFlight += 1;
    usage.minute.add(now);
    usage.dayCount += 1;
    appWindow.add(now);
    this.peakInFlight.set(tenantId, Math.max(this.peakInFlight.get(tenantId) ?? 0, usage.inFlight));
    this.peakMinute.set(tenantId, Math.max(this.peakMinute.get(tenantId) ?? 0, usage.minute.count(now)));
    let released = false;
    return {
      admitted: true,
      headers: headers(),
      release: () => {
        if (released) return;
        released = true;
        usage.inFlight -= 1;
      },
    };
  }

  reset(): void {
    this.tenants.clear();
    this.apps.clear();
    this.peakInFlight.clear();
    this.peakMinute.clear();
    this.refusals = 0;
  }
}
