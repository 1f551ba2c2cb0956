import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { loadEnv } from '../env';
import { projectRoot } from '../spa-build';

/**
 * Development: the API under `tsx watch` on PORT+1 or API_PORT (no SPA), and Vite with hot reload on PORT,
 * proxying /trpc, /api, /xero and /healthz to it. Users open PORT, as with `npm start`.
 *
 * Each server runs `node` directly (not through npx, which does not pass signals on) in a process group
 * of its own, and stopping signals the whole group: `tsx watch` runs the API in a grandchild.
 */
const env = loadEnv();
// API_PORT chooses the API's port when PORT+1 is taken (or a test picks both).
const apiPort = Number(process.env.API_PORT) || env.port + 1;
const require = createRequire(import.meta.url);
const start = (args: string[], extraEnv: Record<string, string>): ChildProcess =>
  spawn(process.execPath, args, {
    cwd: projectRoot,
    // No stdin: a process outside the terminal's foreground group that reads it is stopped (SIGTTIN).
    stdio: ['ignore', 'inherit', 'inherit'],
    detached: true,
    env: { ...process.env, ...extraEnv },
  });

const children = [
  start([require.resolve('tsx/cli'), 'watch', '--clear-screen=false', 'server/main.ts', '--no-spa'], {
    PORT: String(apiPort),
    PUBLIC_URL: env.publicUrl,
  }),
  start([join(projectRoot, 'node_modules', 'vite', 'bin', 'vite.js')], {
    PORT: String(env.port),
    API_PORT: String(apiPort),
  }),
];

function signalGroups(signal: NodeJS.Signals): void {
  for (const child of children) {
    if (child.pid === undefined || child.exitCode !== null) continue;
    try {
      process.kill(-child.pid, signal);
    } catch {
      // the group is already gone
    }
  }
}

let stopping = false;
function stop(code: number): void {
  if (stopping) return;
  stopping = true;
  signalGroups('SIGTERM');
  // A server that ignores SIGTERM for 5 seconds is killed, so nothing outlives this command.
  const force = setTimeout(() => signalGroups('SIGKILL'), 5000);
  force.unref();
  void Promise.all(
    children.map((child) =>
      child.exitCode !== null || child.signalCode !== null
        ? null
        : new Promise((resolve) => child.once('exit', resolve)),
    ),
  ).then(() => process.exit(code));
}

process.once('SIGINT', () => stop(0));
process.once('SIGTERM', () => stop(0));
process.once('SIGHUP', () => stop(0));
// One server stopping on its own (a crash, a taken port) stops the other: half a dev setup misleads.
for (const child of children) child.once('exit', (code) => stop(code ?? 1));
