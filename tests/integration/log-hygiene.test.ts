import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createAppLogger } from '../../server/log/app-logger';
import { createTestContext, demoPassword, startTestServer, type TestContext } from '../support/test-app';

/** Everything a logger writes, one JSON line each. */
function captured() {
  const lines: string[] = [];
  return { lines, stream: { write: (line: string) => void lines.push(line) } };
}

// eslint-disable-next-line no-control-regex -- looking for raw control characters is the point
const rawControl = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/;

describe("the auth library's log", () => {
  const sink = captured();
  let app: TestContext;
  const consoleWrites: unknown[][] = [];
  beforeAll(async () => {
    app = await createTestContext({ logger: createAppLogger('info', sink.stream) });
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void consoleWrites.push(args));
    }
  });
  afterEach(() => vi.restoreAllMocks());
  afterAll(async () => app.close());

  it('goes through the app logger, without the SQL parameters (email, names) or raw escape sequences', async () => {
    // Straight to the library, past our input rules, as any of its endpoints could be reached: the
    // database refuses the NUL and the library logs the failed insert.
    const failed = app.deps.auth.api.signUpEmail({
      body: {
        email: 'leaky-person@example.com',
        password: demoPassword,
        name: 'Mallory\u0000\u001b[2J\u009b31m',
        firstName: 'Mallory\u0000\u001b[2J',
        lastName: 'Secretname',
      },
    });
    await expect(failed).rejects.toThrow();
    const authLines = sink.lines.filter((line) => line.includes('"source":"auth"'));
    expect(authLines.length).toBeGreaterThan(0);
    const everything = sink.lines.join('\n') + JSON.stringify(consoleWrites);
    expect(everything).not.toContain('leaky-person@example.com');
    expect(everything).not.toContain('Secretname');
    expect(sink.lines.some((line) => rawControl.test(line.trimEnd()))).toBe(false);
    expect(consoleWrites).toEqual([]);
  });
});

describe('the request log', () => {
  it('records each request with its path and no query string, at info level', async () => {
    const sink = captured();
    const server = await startTestServer({ app: { logger: createAppLogger('info', sink.stream) } });
    try {
      expect((await fetch(`${server.url}/healthz?code=secret-oauth-code`)).status).toBe(200);
      const records = sink.lines.map((line) => JSON.parse(line) as { req?: { path: string }; msg: string });
      expect(records.find((record) => record.msg === 'incoming request')?.req?.path).toBe('/healthz');
      expect(sink.lines.join('\n')).not.toContain('secret-oauth-code');
    } finally {
      await server.stop();
    }
  });
});

describe('the app logger', () => {
  it('neutralises control characters in every string it writes, message and fields alike', () => {
    const sink = captured();
    const logger = createAppLogger('info', sink.stream);
    logger.warn(
      { email: 'a\u001b[31mb@example.com', nested: { path: ['/x\u009b2J', 'del\u007f'] } },
      'sign-in for %s \u001b[2J',
      'c\u0000d',
    );
    const [line = ''] = sink.lines;
    expect(rawControl.test(line.trimEnd())).toBe(false);
    const record = JSON.parse(line) as { email: string; msg: string; nested: { path: string[] } };
    // Parsed back (as a log viewer would), no field holds a control character either.
    expect(Object.values(record).some((value) => rawControl.test(JSON.stringify(value) ?? ''))).toBe(false);
    expect(record.nested.path).toEqual(['/x\\u009b2J', 'del\\u007f']);
    expect(record.email).toBe('a\\u001b[31mb@example.com');
    expect(record.msg).toBe('sign-in for c\\u0000d \\u001b[2J');
  });
});
