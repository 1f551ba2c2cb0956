import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { buildApp } from '../../server/app';
import { createDeps } from '../../server/create-deps';
import { createContextInner, type AppDeps } from '../../server/trpc/context';
import { createCallerFactory } from '../../server/trpc/procedures';
import { appRouter } from '../../server/trpc/router';
import type { CookieJar } from './cookie-jar';
import { createTestDb, type TestDb } from './test-db';

export const testSessionSecret = 'test-session-secret-that-is-long-enough-0123456789';
const createCaller = createCallerFactory(appRouter);

export interface TestContext {
  db: TestDb;
  deps: AppDeps;
  /** A caller acting as one browser: cookies set by a call are sent with the next. */
  callerFor(jar: CookieJar): Promise<ReturnType<typeof createCaller>>;
  close(): Promise<void>;
}

export async function createTestContext(publicUrl = 'http://localhost:3000'): Promise<TestContext> {
  const db = await createTestDb();
  const deps = createDeps(db.db, { publicUrl, sessionSecret: testSessionSecret, isProduction: false });
  return {
    db,
    deps,
    async callerFor(jar) {
      const ctx = await createContextInner(deps, { headers: jar.headers(), setCookies: (cookies) => jar.store(cookies) });
      return createCaller(ctx);
    },
    close: () => db.close(),
  };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface RunningTestServer extends TestContext {
  url: string;
  stop(): Promise<void>;
}

/** The whole app listening on a free local port, on its own test database. */
export async function startTestServer(options: { spaDir?: string | null } = {}): Promise<RunningTestServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const context = await createTestContext(url);
  const app = await buildApp(context.deps, { publicUrl: url, spaDir: options.spaDir ?? null, logLevel: 'warn' });
  await app.listen({ port, host: '127.0.0.1' });
  return {
    ...context,
    url,
    async stop() {
      await app.close();
      await context.close();
    },
  };
}

export const demoPassword = 'correct horse battery staple';

export function newUserInput(overrides: Partial<{ email: string; firstName: string; lastName: string; password: string }> = {}) {
  return { email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace', password: demoPassword, ...overrides };
}
