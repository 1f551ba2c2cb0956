import { RateLimiterDrizzle, RateLimiterRes } from 'rate-limiter-flexible';
import type { Db } from '../db/db';
import { rateLimits } from '../db/schema';

export interface SignInLimits {
  /** Wrong passwords for one email from one client address, per window. */
  perEmailAndAddress: number;
  /** Wrong passwords from one client address for any emails, per window (password spraying). */
  perAddress: number;
  windowSeconds: number;
  addressWindowSeconds: number;
}

export const defaultSignInLimits: SignInLimits = {
  perEmailAndAddress: 10,
  perAddress: 100,
  windowSeconds: 15 * 60,
  addressWindowSeconds: 24 * 60 * 60,
};

export type SignInReservation =
  | { ok: true; succeeded(): Promise<void>; abandoned(): Promise<void> }
  | { ok: false; retryAfterSeconds: number; limitedBy: 'email-and-address' | 'address' };

/**
 * Slows password guessing, across every process (the counters live in PostgreSQL). An attempt is
 * reserved with one atomic upsert per counter *before* the password is checked, so parallel guesses
 * cannot all slip through between a check and a record.
 *
 * Counted per email-and-address pair and per address, never per email alone: someone guessing at a
 * victim's email from their own machines uses up their own allowance, and the victim, signing in from
 * elsewhere, is never locked out by it. A guesser spread over many addresses is held back by each
 * address's daily cap. A successful sign-in clears the pair and gives its attempt back to the address.
 */
export class SignInLimiter {
  private readonly byPair: RateLimiterDrizzle;
  private readonly byAddress: RateLimiterDrizzle;

  constructor(db: Db, limits: SignInLimits = defaultSignInLimits) {
    const store = { storeClient: db, schema: rateLimits };
    this.byPair = new RateLimiterDrizzle({
      ...store,
      keyPrefix: 'sign-in:email+address',
      points: limits.perEmailAndAddress,
      duration: limits.windowSeconds,
    });
    this.byAddress = new RateLimiterDrizzle({
      ...store,
      keyPrefix: 'sign-in:address',
      points: limits.perAddress,
      duration: limits.addressWindowSeconds,
    });
  }

  async reserve(email: string, clientAddress: string): Promise<SignInReservation> {
    const pairKey = JSON.stringify([email, clientAddress]);
    const results = await Promise.allSettled([this.byPair.consume(pairKey), this.byAddress.consume(clientAddress)]);
    const refusals = results.flatMap((result) => (result.status === 'rejected' ? [result.reason as unknown] : []));
    const storeFailure = refusals.find((reason) => !(reason instanceof RateLimiterRes));
    if (storeFailure !== undefined) throw storeFailure;
    if (refusals.length > 0) {
      const waitMs = Math.max(...refusals.map((reason) => (reason as RateLimiterRes).msBeforeNext));
      const limitedBy = results[0].status === 'rejected' ? 'email-and-address' : 'address';
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)), limitedBy };
    }
    return {
      ok: true,
      succeeded: async () => {
        await Promise.all([this.byPair.delete(pairKey), this.byAddress.reward(clientAddress)]);
      },
      // The attempt never reached a verdict (a server failure): it counts against no one.
      abandoned: async () => {
        await Promise.all([this.byPair.reward(pairKey), this.byAddress.reward(clientAddress)]);
      },
    };
  }
}
