import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CookieJar } from '../support/cookie-jar';
import { callerOn, depsWithoutXero, newUserInput } from '../support/test-app';
import { createTestDb, type TestDb } from '../support/test-db';

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => db.close());

describe('session cookies in production', () => {
  it('are Secure, httpOnly and SameSite=Lax', async () => {
    const deps = depsWithoutXero(db.db, { publicUrl: 'https://app.example', isProduction: true });
    const jar = new CookieJar();
    const caller = callerOn(deps, jar);
    await caller.auth.signUp(newUserInput());
    const session = jar.received.find((cookie) => cookie.includes('session_token'));
    expect(session).toMatch(/;\s*Secure/i);
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Lax/i);
  });
});
