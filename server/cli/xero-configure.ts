import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { AppError } from '../../shared/errors';
import { xeroSettingsInput } from '../../shared/xero-inputs';
import { DatabaseInUseError } from '../db/pglite-lock';
import { EnvError } from '../env';
import { openCliDeps } from './cli-deps';

const usage = `Usage: npm run xero:configure -- --client-id ID [--client-secret SECRET]

Stores the Xero app credentials, as the admin Settings page does; the secret is stored encrypted.
Without --client-secret the secret is asked for at a prompt (empty keeps the stored one).

Options:
  --client-id ID          the app's client id, from Xero's developer portal
  --client-secret SECRET  the app's client secret (visible in your shell history: prefer the prompt)
  --remove                forget the saved credentials (development then uses the built-in emulator)
  -h, --help              show this help

With the embedded database (no DATABASE_URL), stop the server first: only one process can open it.`;

class UsageError extends Error {}

function parse() {
  try {
    return parseArgs({
      options: {
        'client-id': { type: 'string' },
        'client-secret': { type: 'string' },
        remove: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

async function readSecret(given: string | undefined): Promise<string> {
  if (given !== undefined) return given;
  // Without a terminal a prompt would wait for input that never comes.
  if (!process.stdin.isTTY) {
    throw new UsageError(
      'No terminal to ask for the client secret on: pass --client-secret, or run this in a terminal.',
    );
  }
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return await prompt.question('Client secret (from Xero’s developer portal; empty keeps the stored one): ');
  } finally {
    prompt.close();
  }
}

async function run(): Promise<void> {
  const values = parse();
  if (values.help) {
    console.log(usage);
    return;
  }
  if (values.remove) {
    const { database, deps } = await openCliDeps();
    await deps.xero.config.clearSettings();
    await database.close();
    console.log('Removed the saved Xero credentials.');
    return;
  }
  if (!values['client-id']) throw new UsageError('Missing --client-id.');
  const parsed = xeroSettingsInput.safeParse({
    clientId: values['client-id'],
    clientSecret: await readSecret(values['client-secret']),
  });
  if (!parsed.success) {
    throw new UsageError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('\n'));
  }
  const { env, database, deps } = await openCliDeps();
  try {
    await deps.xero.config.saveSettings(parsed.data.clientId, parsed.data.clientSecret ?? null, null);
  } finally {
    await database.close();
  }
  console.log(`Saved. Redirect URI to register in Xero's developer portal: ${env.xero.redirectUri}`);
  if (deps.xero.config.environmentConfigured)
    console.log('Note: XERO_CLIENT_ID is set in the environment, and the environment wins.');
}

try {
  await run();
} catch (error) {
  if (error instanceof UsageError) console.error(`${error.message}\n\n${usage}`);
  else if (error instanceof EnvError || error instanceof DatabaseInUseError || error instanceof AppError)
    console.error(error.message);
  else console.error(`Could not save: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = error instanceof UsageError ? 2 : 1;
}
