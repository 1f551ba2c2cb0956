import { createInterface } from 'node:readline';
import { TokenCipher } from '../../../server/crypto/token-cipher';
import { openDb } from '../../../server/db/open-db';
import { runFleetMember, type FleetMember, type FleetPlan } from './fleet-calls';

/**
 * A separate app process of the fleet test: opens the shared PostgreSQL database, says "ready", waits for
 * "go" on stdin so all processes start together, runs its calls and prints its report as one JSON line.
 */
interface WorkerInput {
  databaseUrl: string;
  encryptionKeys: string[];
  xero: FleetMember['xero'];
  limits: FleetMember['limits'];
  plan: FleetPlan;
}

const input = JSON.parse(process.env.FLEET_WORKER_INPUT ?? '{}') as WorkerInput;
const database = await openDb({ databaseUrl: input.databaseUrl });
const member: FleetMember = {
  db: database.db,
  cipher: new TokenCipher(input.encryptionKeys),
  xero: input.xero,
  limits: input.limits,
};
process.stdout.write('ready\n');
const lines = createInterface({ input: process.stdin });
for await (const line of lines) if (line.trim() === 'go') break;
const report = await runFleetMember(member, input.plan);
process.stdout.write(`${JSON.stringify(report)}\n`);
await database.close();
process.exit(0);
