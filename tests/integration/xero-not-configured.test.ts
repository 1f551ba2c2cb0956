import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CookieJar } from '../support/cookie-jar';
import { createTestDb, type TestDb } from '../support/test-db';
import { callerOn, depsWithoutXero, newUserInput } from '../support/test-app';

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => db.close());

describe('with no Xero app configured (production without credentials)', () => {
  it('reports Xero as not configured, and connecting says so in words', async () => {
    const deps = depsWithoutXero(db.db, { publicUrl: 'http://localhost:3000', isProduction: false });
    const jar = new CookieJar();
    const caller = () => callerOn(deps, jar);
    await (await caller()).auth.signUp(newUserInput());
    expect(await (await caller()).xero.status()).toMatchObject({
      configured: false,
      connected: false,
      usingEmulator: false,
    });
    const error = await (await caller()).xero.authUrl({}).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).cause).toMatchObject({ code: 'XERO_NOT_CONFIGURED' });
    expect((error as TRPCError).message).toMatch(/not set up/);
  });
});
