import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { projectRoot } from '../../server/spa-build';

const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');

export interface ServerProcess {
  child: ChildProcess;
  output(): string;
  /** Resolves with the exit code (or signal name) once the process has ended. */
  exited: Promise<number | string>;
  /** Ends the whole process group and waits for it: nothing this test started outlives it. */
  stop(): Promise<void>;
}

/**
 * Runs one of the project's TypeScript entry points as `node <tsx> <script>`, in a process group of its
 * own. Not through npm: a signal to npm does not reach the server it started.
 */
export function startTsProcess(script: string, args: string[], env: Record<string, string>): ServerProcess {
  const child = spawn(process.execPath, [tsxCli, script, ...args], {
    cwd: projectRoot,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  );
  return {
    child,
    output: () => output,
    exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
        try {
          process.kill(-child.pid, 'SIGTERM');
        } catch {
          // already gone
        }
        const timer = setTimeout(() => child.pid && process.kill(-child.pid, 'SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}

export async function waitForHealthy(url: string, deadline: number, path = '/healthz'): Promise<Response> {
  for (;;) {
    try {
      const response = await fetch(`${url}${path}`);
      if (response.ok) return response;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not become healthy in time`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** True once nothing answers at the URL any more. */
export async function waitForGone(url: string, deadline: number): Promise<boolean> {
  for (;;) {
    try {
      await fetch(url, { signal: AbortSignal.timeout(1000) });
    } catch {
      return true;
    }
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Whether a process with this id is still alive. */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
