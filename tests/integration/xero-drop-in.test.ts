import { readFileSync } from 'node:fs';
import { createTRPCClient, httpBatchLink, TRPCClientError } from '@trpc/client';
import superjson from 'superjson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TokenCipher } from '../../server/crypto/token-cipher';
import { startEmulator, type RunningEmulator } from '../../server/xero-emulator';
import { signedUserHeader, startDropInHost, type DropInRouter } from '../support/drop-in-host';
import { freePort, testEncryptionKeys } from '../support/test-app';
import { createTestDb, type TestDb } from '../support/test-db';
import { completeConsent } from '../support/xero-consent';

const signingKey = 'drop-in-host-signing-key-0123456789abcdef';
const people = new Map([
  ['u-1', { email: 'kjohnson@example.com', firstName: 'Kate', lastName: 'Johnson', xeroEmail: null, isAdmin: false }],
]);

let db: TestDb;
let emulator: RunningEmulator;
let host: Awaited<ReturnType<typeof startDropInHost>>;
let hostUrl: string;

beforeAll(async () => {
  db = await createTestDb();
  const port = await freePort();
  hostUrl = `http://127.0.0.1:${port}`;
  const redirectUri = `${hostUrl}/xero/callback`;
  const client = { clientId: 'DROP_IN_CLIENT', clientSecret: 'drop-in-secret', redirectUris: [redirectUri] };
  emulator = await startEmulator({ seed: { contactsPerOrganisation: 30 }, clients: [client] });
  host = await startDropInHost({
    db: db.db,
    cipher: new TokenCipher(testEncryptionKeys),
    signingKey,
    people,
    xero: { ...client, redirectUri, identityUrl: emulator.url, apiUrl: emulator.url },
  });
  await host.app.listen({ port, host: '127.0.0.1' });
});
afterAll(async () => {
  await host.app.close();
  await emulator.close();
  await db.close();
});

const clientAs = (header: string | null) =>
  createTRPCClient<DropInRouter>({
    links: [
      httpBatchLink({
        url: `${hostUrl}/trpc`,
        transformer: superjson,
        headers: () => (header ? { 'x-user': header } : {}),
      }),
    ],
  });

describe('the Xero module in a host app of its own', () => {
  it('mounts in at most 15 lines, and the README shows exactly those lines', () => {
    const source = readFileSync(new URL('../support/drop-in-host.ts', import.meta.url), 'utf8');
    const region = /\/\/ #region add-xero\n([\s\S]*?)\n\s*\/\/ #endregion add-xero/.exec(source)?.[1] ?? '';
    const lines = region.split('\n').map((line) => line.trim());
    expect(lines.length).toBeGreaterThan(3);
    expect(lines.length).toBeLessThanOrEqual(15);
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const snippet = /<!-- add-xero -->\n+```ts\n([\s\S]*?)\n```/.exec(readme)?.[1] ?? '';
    expect(snippet.split('\n').map((line) => line.trim())).toEqual(lines);
  });

  it('connects, lists contacts and guesses the user, signed in by the host’s own header', async () => {
    const header = signedUserHeader(signingKey, 'u-1', 'session-a');
    const kate = clientAs(header);
    expect(await kate.xero.status.query()).toMatchObject({ configured: true, connected: false });

    const { url } = await kate.xero.authUrl.mutate({ next: '/reports?year=2026' });
    const callback = await completeConsent(url, { email: 'kate.login@example.com', givenName: 'Kate' });
    const landing = await fetch(callback, { headers: { 'x-user': header }, redirect: 'manual' });
    expect(landing.headers.get('location')).toBe('/reports?year=2026');

    const page = await kate.xero.contacts.query({ pageSize: 5 });
    expect(page.contacts).toHaveLength(5);
    expect(page.pagination.itemCount).toBeGreaterThan(5);

    const guess = await kate.xero.guessUser.query();
    expect(guess.candidates.find((candidate) => candidate.email.toLowerCase() === 'kjohnson@example.com')).toBeTruthy();
  });

  it('refuses a caller the host does not recognise, and a flow finished in another of its sessions', async () => {
    const forged = clientAs(`u-1.session-a.${'A'.repeat(43)}`);
    const refusal = await forged.xero.status.query().catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(TRPCClientError);
    expect((refusal as TRPCClientError<DropInRouter>).data?.httpStatus).toBe(401);

    const { url } = await clientAs(signedUserHeader(signingKey, 'u-1', 'session-b')).xero.authUrl.mutate({});
    const callback = await completeConsent(url);
    const otherSession = signedUserHeader(signingKey, 'u-1', 'session-c');
    const landing = await fetch(callback, { headers: { 'x-user': otherSession }, redirect: 'manual' });
    expect(landing.headers.get('location')).toBe('/integrations/xero?xero_error=wrong_session');
  });
});
