import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brokenCharacterMessage, controlCharacterMessage, isPlainText } from '../../shared/text-rules';
import { connectXero, signUpUser, type TestUser } from '../support/xero-connect';
import { newUserInput, startTestServer, type RunningTestServer } from '../support/test-app';

let server: RunningTestServer;
let connected: TestUser;
beforeAll(async () => {
  server = await startTestServer();
  connected = await signUpUser(server);
  await connectXero(server, connected);
});
afterAll(async () => server.stop());

interface TrpcErrorBody {
  error: { json: { data: { appCode: string; fieldErrors: Record<string, string[]> | null } } };
}

/** A raw HTTP call, so the JSON can carry what a browser could send: "\u0000", a lone "\ud800". */
async function call(path: string, rawJson: string, user?: TestUser) {
  const headers = {
    'content-type': 'application/json',
    origin: server.url,
    ...(user ? { cookie: user.jar.header() } : {}),
  };
  const response = path.startsWith('query:')
    ? await fetch(`${server.url}/trpc/${path.slice(6)}?input=${encodeURIComponent(rawJson)}`, { headers })
    : await fetch(`${server.url}/trpc/${path}`, { method: 'POST', headers, body: rawJson });
  return { status: response.status, body: (await response.json()) as TrpcErrorBody };
}

const nul = '\\u0000';
const escape = '\\u001b[31m';
const loneSurrogate = '\\ud800';

describe('text with control characters or broken characters is refused with a field message', () => {
  it.each([
    ['firstName', nul, controlCharacterMessage],
    ['lastName', escape, controlCharacterMessage],
    ['firstName', loneSurrogate, brokenCharacterMessage],
  ])('sign-up %s with %s', async (field, bad, message) => {
    const input = { ...newUserInput({ email: `edge-${field}-${bad.length}@example.com` }), [field]: `Ada${bad}` };
    const { status, body } = await call('auth.signUp', JSON.stringify({ json: input }).replace(`Ada\\\\`, 'Ada\\'));
    expect(status).toBe(400);
    expect(body.error.json.data.fieldErrors?.[field]).toEqual([message]);
  });

  it('sign-in email with NUL', async () => {
    const { status, body } = await call('auth.signIn', `{"json":{"email":"ada${nul}@example.com","password":"x"}}`);
    expect(status).toBe(400);
    expect(body.error.json.data.fieldErrors?.email).toContain(controlCharacterMessage);
  });

  it("selectTenant's tenantId with NUL", async () => {
    const { status, body } = await call('xero.selectTenant', `{"json":{"tenantId":"abc${nul}"}}`, connected);
    expect(status).toBe(400);
    expect(body.error.json.data.fieldErrors?.tenantId).toEqual([controlCharacterMessage]);
  });

  it('a contacts search with a lone surrogate', async () => {
    const { status, body } = await call('query:xero.contacts', `{"json":{"search":"caf${loneSurrogate}"}}`, connected);
    expect(status).toBe(400);
    expect(body.error.json.data.fieldErrors?.search).toEqual([brokenCharacterMessage]);
  });

  it('the Xero email with a C1 control', async () => {
    const { status, body } = await call(
      'auth.setXeroEmail',
      `{"json":{"xeroEmail":"a\\u009b@example.com"}}`,
      connected,
    );
    expect(status).toBe(400);
    expect(body.error.json.data.fieldErrors?.xeroEmail).toContain(controlCharacterMessage);
  });

  it('still accepts accents, emoji (a proper surrogate pair) and apostrophes', async () => {
    const { status } = await call(
      'auth.signUp',
      JSON.stringify({ json: newUserInput({ email: 'zoe@example.com', firstName: 'Zoë 😀', lastName: "O'Brien" }) }),
    );
    expect(status).toBe(200);
  });

  it('offers the same rule for values read outside zod (the OAuth state)', () => {
    expect(isPlainText('a-normal-state_123')).toBe(true);
    expect(isPlainText('state\u0000')).toBe(false);
    expect(isPlainText('state\ud800')).toBe(false);
  });
});
