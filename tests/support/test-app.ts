import { defaultXeroScopes } from '../../server/xero/create-xero-deps';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { buildApp, type AppOptions } from '../../server/app';
import { createDeps, type DepsConfig } from '../../server/create-deps';
import type { AppDeps } from '../../server/app-deps';
import { createAppLogger, type AppLogger } from '../../server/log/app-logger';
import { createContextInner } from '../../server/trpc/context';
import type { XeroCallLimits } from '../../server/xero/calls/call-limits';
import type { XeroLog } from '../../server/xero/calls/xero-log';
import type { SignInLimits } from '../../server/auth/sign-in-limiter';
import { startJobQueue, stopJobQueue, type JobQueue } from '../../server/jobs/job-queue';
import type { SyncJobsOptions } from '../../server/xero/sync/sync-jobs';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../server/xero-emulator';
import { createAppRouter, type AppRouter } from '../../server/trpc/router';
import type { CookieJar } from './cookie-jar';
import { createTestDb, type TestDb } from './test-db';

export const testSessionSecret = 'test-session-secret-that-is-long-enough-0123456789';
/** Two keys, newest first, as after a rotation: the first encrypts, both decrypt. */
export const testEncryptionKeys = [
  '5d9ZicIuOYb_9CK_iWhtnf8zaO-v3CzUOxZRhDFZf7o',
  'XLllhEqm02-BgyzuByIes8mNJ7uf_82tkoRHeGjAgIo',
];
/** The webhook key the test app and its emulator share (Xero's developer portal shows one per app). */
export const testWebhookKey = 'test-webhook-key-0123456789abcdefghijklmnopqrstuvwxyz';
export const testXeroScopes = defaultXeroScopes;

export interface TestContext {
  db: TestDb;
  deps: AppDeps;
  /** What `deps` was made from: another "process" on the same database builds its own from it. */
  depsConfig: DepsConfig;
  /** The job queue, when `syncJobs` started one. */
  jobs: JobQueue | null;
  emulator: RunningEmulator;
  /** A caller acting as one browser: cookies set by a call are sent with the next. */
  callerFor(jar: CookieJar): AppCaller;
  close(): Promise<void>;
}

export interface TestContextOptions {
  publicUrl?: string;
  emulator?: EmulatorOptions;
  /** Our side of Xero's limits and deadlines. */
  limits?: Partial<XeroCallLimits>;
  log?: XeroLog;
  /** Starts the job queue and the Xero sync jobs on it, as the server does. */
  syncJobs?: Partial<SyncJobsOptions>;
  /**
   * Where the Xero app's credentials come from: the environment (default), saved on the settings page, or
   * nothing, so the emulator runs as the built-in one of development (control surface on).
   */
  credentialsIn?: 'environment' | 'settings' | 'emulator';
  signInLimits?: SignInLimits;
  logger?: AppLogger;
}

export async function createTestContext(options: TestContextOptions = {}): Promise<TestContext> {
  const publicUrl = options.publicUrl ?? 'http://localhost:3000';
  const redirectUri = `${publicUrl}/xero/callback`;
  const db = await createTestDb();
  const client = { clientId: 'TEST_CLIENT_ID', clientSecret: 'test-client-secret', redirectUris: [redirectUri] };
  const emulator = await startEmulator({
    seed: { contactsPerOrganisation: 30 },
    ...options.emulator,
    ...(options.credentialsIn === 'emulator' ? { controlEnabled: true } : {}),
    clients: [client],
  });
  const fromSettings = options.credentialsIn === 'settings';
  const builtIn = options.credentialsIn === 'emulator';
  const xero = {
    clientId: fromSettings || builtIn ? undefined : client.clientId,
    clientSecret: fromSettings || builtIn ? undefined : client.clientSecret,
    redirectUri,
    scopes: testXeroScopes,
    identityUrl: emulator.url,
    apiUrl: emulator.url,
    webUrl: emulator.url,
    webhookKey: testWebhookKey,
  };
  const depsConfig: DepsConfig = {
    publicUrl,
    sessionSecret: testSessionSecret,
    isProduction: false,
    tokenEncryptionKeys: testEncryptionKeys,
    xero,
    xeroEmulator: builtIn
      ? { ...xero, clientId: client.clientId, clientSecret: client.clientSecret, source: 'emulator' as const }
      : null,
    listen: db.listen,
    // A circuit breaker opened by one test's injected outage must not outlast it by 15 s.
    xeroLimits: { breakerCooldownMs: 500, ...options.limits },
    ...(options.log ? { xeroLog: options.log } : {}),
    ...(options.signInLimits ? { signInLimits: options.signInLimits } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.syncJobs ? { xeroSync: options.syncJobs } : {}),
  };
  const deps = createDeps(db.db, depsConfig);
  if (fromSettings) await deps.xero.config.saveSettings(client.clientId, client.clientSecret, null);
  let queue: JobQueue | null = null;
  if (options.syncJobs) {
    queue = await startJobQueue(db, (error) => console.error('job queue:', error.message));
    await deps.xero.sync.start(queue);
  }
  return {
    db,
    deps,
    depsConfig,
    jobs: queue,
    emulator,
    callerFor: (jar) => callerOn(deps, jar),
    async close() {
      if (queue) await stopJobQueue(queue, 5_000);
      await emulator.close();
      await db.close();
    },
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
export async function startTestServer(
  options: Omit<TestContextOptions, 'publicUrl'> & { spaDir?: string | null; app?: Partial<AppOptions> } = {},
): Promise<RunningTestServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const { spaDir: _spaDir, app: _app, ...contextOptions } = options;
  const context = await createTestContext({ ...contextOptions, publicUrl: url });
  const app = await buildApp(context.deps, {
    publicUrl: url,
    spaDir: options.spaDir ?? null,
    logger: createAppLogger('warn'),
    isProduction: false,
    trustProxy: false,
    ...options.app,
  });
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

export function newUserInput(
  overrides: Partial<{ email: string; firstName: string; lastName: string; password: string }> = {},
) {
  return { email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace', password: demoPassword, ...overrides };
}

/** App dependencies with no Xero app configured anywhere, for the paths that must cope with that. */
export function depsWithoutXero(db: TestDb['db'], options: { publicUrl: string; isProduction: boolean }): AppDeps {
  return createDeps(db, {
    ...options,
    sessionSecret: testSessionSecret,
    tokenEncryptionKeys: testEncryptionKeys,
    xero: {
      clientId: undefined,
      clientSecret: undefined,
      redirectUri: `${options.publicUrl}/xero/callback`,
      scopes: testXeroScopes,
      identityUrl: 'https://identity.xero.com',
      apiUrl: 'https://api.xero.com',
      webUrl: 'https://go.xero.com',
    },
    xeroEmulator: null,
  });
}

type AppCaller = ReturnType<AppRouter['createCaller']>;
const routers = new WeakMap<AppDeps, AppRouter>();

/** A caller for one browser on the given dependencies (for tests that build their own). */
export function callerOn(deps: AppDeps, jar: CookieJar): AppCaller {
  let router = routers.get(deps);
  if (!router) {
    router = createAppRouter(deps);
    routers.set(deps, router);
  }
  return router.createCaller(
    createContextInner(deps, {
      headers: jar.headers(),
      setCookies: (cookies) => jar.store(cookies),
      clientAddress: jar.clientAddress,
    }),
  );
}
