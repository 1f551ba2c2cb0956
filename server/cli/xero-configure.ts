import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { xeroSettingsInput } from '../../shared/xero-inputs';
import { EnvError } from '../env';
import { openCliDeps } from './cli-deps';

/**
 * `npm run xero:configure -- --client-id ID`: stores the Xero app credentials, as the admin settings
 * page does. The secret is read from a prompt (or --client-secret) and stored encrypted.
 */
const { values } = parseArgs({ options: { 'client-id': { type: 'string' }, 'client-secret': { type: 'string' } } });

async function readSecret(): Promise<string> {
  if (values['client-secret']) return values['client-secret'];
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  const answer = await prompt.question('Client secret (from Xero’s developer portal; empty keeps the stored one): ');
  prompt.close();
  return answer;
}

try {
  const parsed = xeroSettingsInput.safeParse({ clientId: values['client-id'] ?? '', clientSecret: await readSecret() });
  if (!parsed.success) {
    console.error(
      `Usage: npm run xero:configure -- --client-id ID [--client-secret SECRET]\n${parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n')}`,
    );
    process.exit(1);
  }
  const { env, database, deps } = await openCliDeps();
  if (!parsed.data.clientSecret && (await deps.xero.config.savedClientId()) === null) {
    console.error('A client secret is required the first time.');
    process.exit(1);
  }
  await deps.xero.config.saveSettings(parsed.data.clientId, parsed.data.clientSecret ?? null, null);
  await database.close();
  console.log(`Saved. Redirect URI to register in Xero's developer portal: ${env.xero.redirectUri}`);
  if (deps.xero.config.environmentConfigured)
    console.log('Note: XERO_CLIENT_ID is set in the environment, and the environment wins.');
} catch (error) {
  console.error(
    error instanceof EnvError
      ? error.message
      : `Could not save: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
}
