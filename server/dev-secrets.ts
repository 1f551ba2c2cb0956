import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const secretNames = ['sessionSecret', 'tokenEncryptionKey'] as const;
export type DevSecrets = Record<(typeof secretNames)[number], string>;

function readSecrets(file: string): Partial<DevSecrets> {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Partial<DevSecrets>;
  } catch {
    return {};
  }
}

/**
 * Development only: secrets are generated once and kept in the data folder, so a fresh clone starts
 * with no configuration and sessions and stored tokens survive restarts. Production sets them explicitly.
 */
export function loadOrCreateDevSecrets(dataDir: string): DevSecrets {
  const file = join(dataDir, 'dev-secrets.json');
  const existing = readSecrets(file);
  const missing = secretNames.filter((name) => !existing[name]);
  const secrets = { ...existing } as DevSecrets;
  for (const name of missing) secrets[name] = randomBytes(32).toString('base64url');
  if (missing.length > 0) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
    console.warn(`[dev] generated ${missing.join(', ')} into ${file}; set them explicitly in production`);
  }
  return secrets;
}
