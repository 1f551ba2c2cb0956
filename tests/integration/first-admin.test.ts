import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../server/db/schema';
import { CookieJar } from '../support/cookie-jar';
import { createTestContext, newUserInput, type TestContext } from '../support/test-app';
import { testServerUrl } from '../support/test-db';

let app: TestContext;
beforeAll(async () => {
  app = await createTestContext();
});
afterAll(async () => app.close());

/**
 * Simultaneous sign-ups on an empty database. On PostgreSQL (TEST_DATABASE_URL) they really run at once
 * over the pool's connections; on PGlite they interleave at every await, which is still the race between
 * reading "no users yet" and inserting.
 */
describe(`the first account is the only admin (${testServerUrl() ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('makes exactly one admin out of 8 simultaneous sign-ups, in each of 12 trials', async () => {
    for (let trial = 0; trial < 12; trial += 1) {
      await app.db.truncate();
      const signUps = await Promise.all(
        Array.from({ length: 8 }, async (_, index) =>
          app.callerFor(new CookieJar()).auth.signUp(newUserInput({ email: `t${trial}-u${index}@example.com` })),
        ),
      );
      const admins = await app.db.db.select({ id: users.id }).from(users).where(eq(users.role, 'admin'));
      expect({ trial, admins: admins.length }).toEqual({ trial, admins: 1 });
      // What each sign-up answered agrees with what was stored.
      expect(signUps.filter((user) => user.role === 'admin').map((user) => user.id)).toEqual([admins[0]?.id]);
    }
  });

  it('keeps a later account a user, even when no admin is left', async () => {
    await app.db.truncate();
    const first = await app.callerFor(new CookieJar()).auth.signUp(newUserInput());
    await app.db.db.update(users).set({ role: 'user' }).where(eq(users.id, first.id));
    const later = await app.callerFor(new CookieJar()).auth.signUp(newUserInput({ email: 'b@example.com' }));
    expect(later.role).toBe('user');
  });
});
