import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { FleetMember, FleetPlan, FleetReport } from './fleet-calls';

const workerPath = fileURLToPath(new URL('./fleet-worker.ts', import.meta.url));

export interface FleetSetup {
  encryptionKeys: string[];
  xero: FleetMember['xero'];
  limits: FleetMember['limits'];
}

/** One app process per plan, on the shared PostgreSQL database; all start their calls together. */
export async function runFleetProcesses(
  databaseUrl: string,
  setup: FleetSetup,
  plans: FleetPlan[],
): Promise<FleetReport[]> {
  const children: ChildProcess[] = [];
  const members = plans.map((plan) => {
    const child = spawn(process.execPath, ['--import', 'tsx', workerPath], {
      env: { ...process.env, FLEET_WORKER_INPUT: JSON.stringify({ databaseUrl, ...setup, plan }) },
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    children.push(child);
    let markReady = () => {};
    const ready = new Promise<void>((resolve) => (markReady = resolve));
    const report = new Promise<FleetReport>((resolve, reject) => {
      if (!child.stdout) return reject(new Error('fleet worker has no stdout'));
      createInterface({ input: child.stdout }).on('line', (line) => {
        if (line === 'ready') markReady();
        else if (line.startsWith('{')) resolve(JSON.parse(line) as FleetReport);
      });
      child.once('exit', (code) => reject(new Error(`fleet worker exited with ${code}`)));
    });
    return { ready, report };
  });
  try {
    await Promise.all(members.map((member) => member.ready));
    for (const child of children) child.stdin?.write('go\n');
    return await Promise.all(members.map((member) => member.report));
  } finally {
    for (const child of children) if (child.exitCode === null) child.kill();
  }
}
