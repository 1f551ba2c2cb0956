import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { SyncWorkerInput } from './sync-worker';

const workerPath = fileURLToPath(new URL('./sync-worker.ts', import.meta.url));

/** App processes running the sync jobs on one PostgreSQL database, driven line by line on stdin. */
export class SyncProcesses {
  private constructor(private readonly children: { child: ChildProcess; lines: AsyncIterator<string> }[]) {}

  static async start(count: number, input: SyncWorkerInput): Promise<SyncProcesses> {
    const children = Array.from({ length: count }, () => {
      const child = spawn(process.execPath, ['--import', 'tsx', workerPath], {
        env: { ...process.env, SYNC_WORKER_INPUT: JSON.stringify(input) },
        stdio: ['pipe', 'pipe', 'inherit'],
      });
      if (!child.stdout) throw new Error('sync worker has no stdout');
      return { child, lines: createInterface({ input: child.stdout })[Symbol.asyncIterator]() };
    });
    const fleet = new SyncProcesses(children);
    await fleet.expectFromAll('ready');
    return fleet;
  }

  /** Every process asks for a sync of every organisation and runs its schedule, all at once. */
  async askAll(): Promise<void> {
    for (const { child } of this.children) child.stdin?.write('go\n');
    await this.expectFromAll('asked');
  }

  async stop(): Promise<void> {
    await Promise.all(
      this.children.map(async ({ child }) => {
        if (child.exitCode !== null) return;
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.stdin?.write('stop\n');
        const timer = setTimeout(() => child.kill(), 15_000);
        await exited;
        clearTimeout(timer);
      }),
    );
  }

  private async expectFromAll(word: string): Promise<void> {
    await Promise.all(
      this.children.map(async ({ child, lines }) => {
        for (;;) {
          const next = await lines.next();
          if (next.done) throw new Error(`sync worker ${child.pid} exited before saying "${word}"`);
          if (next.value === word) return;
        }
      }),
    );
  }
}
