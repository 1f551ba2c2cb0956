import { CookieJar } from './cookie-jar';
import { newUserInput, type RunningTestServer } from './test-app';
import { completeConsent, type ConsentChoice } from './xero-consent';

export interface TestUser {
  jar: CookieJar;
  id: string;
  email: string;
}

let userCounter = 0;

/** Signs a new user up through tRPC; their cookie jar is their browser. */
export async function signUpUser(
  server: RunningTestServer,
  overrides: Partial<{ email: string; firstName: string; lastName: string }> = {},
): Promise<TestUser> {
  const jar = new CookieJar();
  userCounter += 1;
  const input = newUserInput({ email: `user${userCounter}-${Date.now()}@example.com`, ...overrides });
  const user = await server.callerFor(jar).auth.signUp(input);
  return { jar, id: user.id, email: user.email };
}

/** The browser following the callback URL with its cookies: returns where the app redirects next. */
export async function followCallback(callback: URL, jar: CookieJar): Promise<string> {
  const response = await fetch(callback, { headers: jar.headers(), redirect: 'manual' });
  if (response.status !== 302) throw new Error(`callback answered ${response.status}`);
  return response.headers.get('location') ?? '';
}

/** The whole journey: authUrl → consent on the emulator → callback. Returns the final redirect. */
export async function connectXero(
  server: RunningTestServer,
  user: TestUser,
  choice: ConsentChoice = {},
  next = '/',
): Promise<string> {
  const { url } = await server.callerFor(user.jar).xero.authUrl({ next });
  return followCallback(await completeConsent(url, choice), user.jar);
}
