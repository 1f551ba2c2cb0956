import type { TRPCError } from '@trpc/server';
import { count, eq, sql } from 'drizzle-orm';
import { queryRows } from '../support/raw-rows';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { users } from '../../server/db/schema';
import { AppError } from '../../shared/errors';
import { CookieJar } from '../support/cookie-jar';
import { failureOf } from '../support/trpc-failures';
import { createTestContext, demoPassword, newUserInput, type TestContext } from '../support/test-app';
import { fieldErrorsFrom } from '../../server/trpc/error-map';

let app: TestContext;
beforeAll(async () => {
  app = await createTestContext();
});
afterAll(async () => app.close());
beforeEach(async () => app.db.truncate());

async function userCount(): Promise<number> {
  const [row] = await app.db.db.select({ total: count() }).from(users);
  return row?.total ?? 0;
}

function fieldErrorsOf(error: TRPCError): Record<string, unknown> {
  const cause = error.cause as { issues?: { path: PropertyKey[] }[] } | AppError | undefined;
  if (cause instanceof AppError) return cause.details.fieldErrors ?? {};
  return Object.fromEntries((cause?.issues ?? []).map((issue) => [String(issue.path[0]), true]));
}

describe('sign up', () => {
  it('creates the account, signs the browser in with an httpOnly SameSite=Lax cookie, and auth.me returns it', async () => {
    const jar = new CookieJar();
    const user = await app.callerFor(jar).auth.signUp(newUserInput({ email: '  Ada@Example.COM ' }));
    expect(user).toMatchObject({ email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace' });
    const sessionCookie = jar.received.find((header) => header.includes('session_token'));
    expect(sessionCookie).toMatch(/HttpOnly/i);
    expect(sessionCookie).toMatch(/SameSite=Lax/i);
    expect(await app.callerFor(jar).auth.me()).toMatchObject({ id: user.id, email: 'ada@example.com' });
  });

  it('makes the first account an admin and later ones users', async () => {
    const first = await app.callerFor(new CookieJar()).auth.signUp(newUserInput());
    const second = await (
      await app.callerFor(new CookieJar())
    ).auth.signUp(newUserInput({ email: 'grace@example.com' }));
    expect(first.role).toBe('admin');
    expect(second.role).toBe('user');
  });

  it('rejects an email already in use, in any case, with a field error and creates nothing', async () => {
    await app.callerFor(new CookieJar()).auth.signUp(newUserInput());
    const error = await failureOf(
      app.callerFor(new CookieJar()).auth.signUp(newUserInput({ email: 'ADA@example.com' })),
    );
    expect(error.code).toBe('CONFLICT');
    expect(fieldErrorsOf(error)).toHaveProperty('email');
    expect(await userCount()).toBe(1);
  });

  it.each([
    ['a weak password', newUserInput({ password: 'short' }), 'password'],
    ['a repetitive password', newUserInput({ password: 'aaaaaaaaaaaa' }), 'password'],
    ['a malformed email', newUserInput({ email: 'not-an-email' }), 'email'],
    ['a missing first name', newUserInput({ firstName: '   ' }), 'firstName'],
  ])('rejects %s with a field error and creates nothing', async (_case, input, field) => {
    const error = await failureOf(app.callerFor(new CookieJar()).auth.signUp(input));
    expect(error.code).toBe('BAD_REQUEST');
    expect(fieldErrorsOf(error)).toHaveProperty(field);
    expect(await userCount()).toBe(0);
  });

  it.each([
    ['', ['Use at least 10 characters']],
    ['aaaa', ['Use at least 10 characters']],
    ['aaaaaaaaaaaa', ['Use a less repetitive password']],
  ])('says one thing to fix for the password %j', async (password, messages) => {
    const error = await failureOf(app.callerFor(new CookieJar()).auth.signUp(newUserInput({ password })));
    // What the client is sent, as the error formatter builds it.
    expect(fieldErrorsFrom(error.cause)?.password).toEqual(messages);
  });
});

describe('sign in and out', () => {
  beforeEach(async () => {
    await app.callerFor(new CookieJar()).auth.signUp(newUserInput());
  });

  it('signs in with the right password', async () => {
    const jar = new CookieJar();
    const user = await app.callerFor(jar).auth.signIn({ email: 'ADA@example.com', password: demoPassword });
    expect(user.email).toBe('ada@example.com');
    expect((await app.callerFor(jar).auth.me())?.id).toBe(user.id);
  });

  it('gives one generic message for a wrong password and for an unknown email', async () => {
    const wrongPassword = await failureOf(
      app.callerFor(new CookieJar()).auth.signIn({ email: 'ada@example.com', password: 'not the password' }),
    );
    const unknownEmail = await failureOf(
      app.callerFor(new CookieJar()).auth.signIn({ email: 'nobody@example.com', password: demoPassword }),
    );
    for (const error of [wrongPassword, unknownEmail]) {
      expect(error.code).toBe('UNAUTHORIZED');
      expect(error.message).toBe('Email or password is incorrect.');
    }
  });

  it('signs out: the old cookie no longer opens a session', async () => {
    const jar = new CookieJar();
    await app.callerFor(jar).auth.signIn({ email: 'ada@example.com', password: demoPassword });
    const oldCookie = jar.header();
    await app.callerFor(jar).auth.signOut();
    expect(await app.callerFor(jar).auth.me()).toBeNull();
    const replay = new CookieJar();
    replay.store(oldCookie.split('; ').map((pair) => `${pair}; Path=/`));
    expect(await app.callerFor(replay).auth.me()).toBeNull();
  });

  it('signing out without a session still succeeds', async () => {
    await expect(app.callerFor(new CookieJar()).auth.signOut()).resolves.toEqual({ signedOut: true });
  });

  it('auth.me is null for an anonymous visitor and for a forged cookie', async () => {
    expect(await app.callerFor(new CookieJar()).auth.me()).toBeNull();
    const forged = new CookieJar();
    forged.store(['better-auth.session_token=forged.value; Path=/']);
    expect(await app.callerFor(forged).auth.me()).toBeNull();
  });

  it('refuses sign-in for an email after 10 wrong passwords, even with the right one', async () => {
    await app.callerFor(new CookieJar()).auth.signUp(newUserInput({ email: 'guessed@example.com' }));
    for (let attempt = 0; attempt < 10; attempt += 1) {
      const error = await failureOf(
        app.callerFor(new CookieJar()).auth.signIn({
          email: 'guessed@example.com',
          password: `wrong ${attempt}`,
        }),
      );
      expect(error.code).toBe('UNAUTHORIZED');
    }
    const limited = await failureOf(
      app.callerFor(new CookieJar()).auth.signIn({ email: 'guessed@example.com', password: demoPassword }),
    );
    expect(limited.code).toBe('TOO_MANY_REQUESTS');
    expect((limited.cause as AppError).details.retryAfter).toBeGreaterThan(0);
  });

  it('stores the password only as a hash', async () => {
    const rows = await app.db.db.select().from(users).where(eq(users.email, 'ada@example.com'));
    const dump = JSON.stringify(await queryRows(app.db.db, sql`select * from accounts`));
    expect(rows).toHaveLength(1);
    expect(dump).not.toContain(demoPassword);
  });
});
