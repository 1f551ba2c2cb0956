import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import postgres from 'postgres';
import { buildSpa, projectRoot, spaDir, spaNeedsBuild } from '../../server/spa-build';
import { freePort, newUserInput } from '../support/test-app';

/**
 * Figures for the foundation: cold start to a healthy /healthz (PGlite and PostgreSQL), auth.me
 * requests per second at 50 connections beside a bare tRPC procedure, and the SPA's initial JS, gzip.
 * PostgreSQL comes from BENCH_DATABASE_URL (default: the local server, database test).
 */
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function freshDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `bench_${randomBytes(4).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}

async function startServer(
  extraEnv: Record<string, string>,
  dataDir = mkdtempSync(join(tmpdir(), 'bench-')),
): Promise<{ url: string; child: ChildProcess; coldStartMs: number }> {
  const port = await freePort();
  const started = performance.now();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: projectRoot,
    env: {
      PATH: process.env.PATH ?? '',
      PORT: String(port),
      PUBLIC_URL: url,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      ...extraEnv,
    },
    stdio: 'ignore',
  });
  for (;;) {
    const healthy = await fetch(`${url}/healthz`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) break;
    if (performance.now() - started > 120_000) throw new Error('server did not start');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return { url, child, coldStartMs: performance.now() - started };
}

async function requestsPerSecond(url: string, path: string, headers: Record<string, string> = {}) {
  const result = await autocannon({ url: `${url}${path}`, connections: 50, duration: 10, headers });
  return `${result.requests.average.toFixed(0)} req/s (p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, non-2xx ${result.non2xx})`;
}

function initialJsGzip(): string {
  const html = readFileSync(join(spaDir, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((match) => match[1] ?? '');
  const bytes = scripts.reduce((total, path) => total + gzipSync(readFileSync(join(spaDir, path))).length, 0);
  return `${(bytes / 1024).toFixed(1)} KiB gzip in ${scripts.length} file(s)`;
}

if (spaNeedsBuild()) await buildSpa();
console.log(`SPA initial JavaScript: ${initialJsGzip()}`);

const pgliteDataDir = mkdtempSync(join(tmpdir(), 'bench-pglite-'));
const pglite = await startServer({}, pgliteDataDir);
console.log(`cold start to healthy /healthz, PGlite (fresh data folder): ${pglite.coldStartMs.toFixed(0)} ms`);
pglite.child.kill('SIGTERM');
await new Promise((resolve) => pglite.child.once('exit', resolve));
const warm = await startServer({}, pgliteDataDir);
console.log(`start to healthy /healthz, PGlite (existing data folder): ${warm.coldStartMs.toFixed(0)} ms`);
warm.child.kill('SIGTERM');

const database = await freshDatabase();
const pg = await startServer({ DATABASE_URL: database.url });
console.log(`cold start to healthy /healthz, PostgreSQL (fresh database): ${pg.coldStartMs.toFixed(0)} ms`);
const signUp = await fetch(`${pg.url}/trpc/auth.signUp`, {
  method: 'POST',
  headers: { 'content-type': 'application/json', origin: pg.url },
  body: JSON.stringify({ json: newUserInput({ email: 'bench@example.com' }) }),
});
const cookie = signUp.headers
  .getSetCookie()
  .map((value) => value.split(';')[0])
  .join('; ');
console.log(
  `tRPC system.ping (baseline), 50 connections, PostgreSQL: ${await requestsPerSecond(pg.url, '/trpc/system.ping')}`,
);
console.log(
  `tRPC auth.me signed in, 50 connections, PostgreSQL: ${await requestsPerSecond(pg.url, '/trpc/auth.me', { cookie })}`,
);
pg.child.kill('SIGTERM');
await new Promise((resolve) => setTimeout(resolve, 500));
await database.drop();
