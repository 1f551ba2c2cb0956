import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeps } from '../../server/create-deps';
import { createContextInner } from '../../server/trpc/context';
import { createCallerFactory } from '../../server/trpc/procedures';
import { appRouter } from '../../server/trpc/router';
import { CookieJar } from '../support/cookie-jar';
import { createTestDb, type TestDb } from '../support/test-db';
import { newUserInput, testEncryptionKeys, testSessionSecret, testXeroScopes } from '../support/test-app';

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => db.close());

describe('with no Xero app configured (production without credentials)', () => {
  it('reports Xero as not configured, and connecting says so in words', async () => {
    const deps = createDeps(db.db, {
      publicUrl: 'http://localhost:3000',
      sessionSecret: testSessionSecret,
      isProduction: false,
      tokenEncryptionKeys: testEncryptionKeys,
      xero: { clientId: undefined, clientSecret: undefined, redirectUri: 'http://localhost:3000/xero/callback', scopes: testXeroScopes, identityUrl: 'https://identity.xero.com', apiUrl: 'https://api.xero.com' },
      xeroEmulator: null,
    });
    const jar = new CookieJar();
    const caller = async () => createCallerFactory(appRouter)(await createContextInner(deps, { headers: jar.headers(), setCookies: (cookies) => jar.store(cookies) }));
    await (await caller()).auth.signUp(newUserInput());
    expect(await (await caller()).xero.status()).toMatchObject({ configured: false, connected: false, usingEmulator: false });
    const error = await (await caller()).xero.authUrl({}).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).cause).toMatchObject({ code: 'XERO_NOT_CONFIGURED' });
    expect((error as TRPCError).message).toMatch(/not set up/);
  });
});
