import { AppError } from '../../shared/errors';
import type { XeroConfigProvider } from '../xero/config';

/** What the Settings page can make the built-in emulator do, to see the app's failure paths by hand. */
export const emulatorFaults = ['rate_limit', 'xero_down', 'revoke_grants', 'clear'] as const;
export type EmulatorFault = (typeof emulatorFaults)[number];

const requests: Record<EmulatorFault, { method: string; path: string; body?: unknown; done: string }> = {
  rate_limit: {
    method: 'POST',
    path: '/faults',
    body: { kind: 429, count: 3, retryAfterSeconds: 300 },
    done: 'The next 3 calls to the emulator answer “too many requests, wait 5 minutes”.',
  },
  xero_down: {
    method: 'POST',
    path: '/faults',
    body: { kind: 503, count: 5 },
    done: 'The next 5 calls to the emulator answer 503 (Xero unavailable).',
  },
  revoke_grants: {
    method: 'POST',
    path: '/grants/revoke',
    body: { all: true },
    done: 'Every connection’s grant is revoked at the emulator: the next call finds out.',
  },
  clear: { method: 'DELETE', path: '/faults', done: 'Faults cleared.' },
};

/**
 * Drives the built-in emulator's control surface (loopback, development only). Refuses anything else:
 * real Xero has no such thing, and the emulator only runs when nothing configures a real app.
 */
export async function injectEmulatorFault(config: XeroConfigProvider, fault: EmulatorFault): Promise<{ done: string }> {
  const current = await config.current();
  if (current?.source !== 'emulator') {
    throw new AppError('FORBIDDEN', 'Faults can only be injected into the built-in Xero emulator (development).');
  }
  const request = requests[fault];
  const response = await fetch(`${current.apiUrl}/_emulator${request.path}`, {
    method: request.method,
    ...(request.body ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(request.body) } : {}),
    signal: AbortSignal.timeout(5000),
  }).catch(() => null);
  if (!response?.ok) throw new AppError('XERO_UNAVAILABLE', 'The built-in emulator did not accept the request.');
  return { done: request.done };
}
