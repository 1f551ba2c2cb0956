import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeps } from '../../server/create-deps';
import { createContextInner } from '../../server/trpc/context';
import { createCallerFactory } from '../../server/trpc/procedures';
import { appRouter } from '../../server/trpc/router';
import { CookieJar } from '../support/cookie-jar';
import { newUserInput, testEncryptionKeys, testSessionSecret, testXeroScopes } from '../support/test-app';
import { createTestDb, type TestDb } from '../support/test-db';

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => db.close());

describe('session cookies in production', () => {
  it('are Secure, httpOnly and SameSite=Lax', async () => {
    const deps = createDeps(db.db, {
      publicUrl: 'https://app.example',
      sessionSecret: testSessionSecret,
      isProduction: true,
      tokenEncryptionKeys: testEncryptionKeys,
      xero: { clientId: undefined, clientSecret: undefined, redirectUri: 'https://app.example/xero/callback', scopes: testXeroScopes, identityUrl: 'https://identity.xero.com', apiUrl: 'https://api.xero.com' },
      xeroEmulator: null,
    });
    const jar = new CookieJar();
    const caller = createCallerFactory(appRouter)(await createContextInner(deps, { headers: jar.headers(), setCookies: (cookies) => jar.store(cookies) }));
    await caller.auth.signUp(newUserInput());
    const session = jar.received.find((cookie) => cookie.includes('session_token'));
    expect(session).toMatch(/;\s*Secure/i);
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Lax/i);
  });
});
