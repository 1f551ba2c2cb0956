import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { TenantThrottle } from '../../server/xero/tenant-throttle';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs a short task through the throttle once per listed tenant, all at once; returns the most that ran together. */
async function peakConcurrency(throttle: TenantThrottle, tenants: string[]): Promise<number> {
  let running = 0;
  let peak = 0;
  const task = async () => {
    running += 1;
    peak = Math.max(peak, running);
    await sleep(20);
    running -= 1;
  };
  await Promise.all(tenants.map((tenant) => throttle.run(tenant, task)));
  return peak;
}

describe('TenantThrottle', () => {
  it('never runs more than the concurrent limit for one tenant, and queues the rest', async () => {
    const throttle = new TenantThrottle({ concurrent: 2, perMinute: 100, maxWaitMs: 5000 });
    expect(
      await peakConcurrency(
        throttle,
        Array.from({ length: 8 }, () => 'tenant-a'),
      ),
    ).toBe(2);
  });

  it('keeps tenants apart', async () => {
    const throttle = new TenantThrottle({ concurrent: 1, perMinute: 100, maxWaitMs: 5000 });
    expect(await peakConcurrency(throttle, ['a', 'b'])).toBe(2);
  });

  it('refuses with XERO_RATE_LIMITED rather than wait past its limit once the minute is used up', async () => {
    const throttle = new TenantThrottle({ concurrent: 5, perMinute: 3, maxWaitMs: 1000 });
    for (let call = 0; call < 3; call += 1) await throttle.run('t', async () => call);
    const refused = await throttle.run('t', async () => 'ran').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: 'XERO_RATE_LIMITED' });
    expect((refused as AppError).details.retryAfter).toBeGreaterThan(50);
  });
});
