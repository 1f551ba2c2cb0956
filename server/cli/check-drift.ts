import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../spa-build';

/**
 * Schema drift check: a fresh `drizzle-kit generate` against a copy of the committed migrations must
 * produce nothing. Run on a copy so the check never writes into the work tree.
 */
const workDir = mkdtempSync(join(tmpdir(), 'drift-'));
try {
  const out = join(workDir, 'migrations');
  cpSync(join(projectRoot, 'drizzle', 'migrations'), out, { recursive: true });
  const before = readdirSync(out).length;
  const config = join(workDir, 'drizzle.config.mjs');
  writeFileSync(
    config,
    `export default ${JSON.stringify({ dialect: 'postgresql', schema: join(projectRoot, 'server/db/schema/index.ts'), out, casing: 'snake_case' })};\n`,
  );
  execFileSync('npx', ['drizzle-kit', 'generate', '--config', config], { cwd: projectRoot, stdio: 'pipe' });
  const after = readdirSync(out).length;
  if (after !== before) {
    console.error(
      'Schema drift: server/db/schema differs from drizzle/migrations. Run `npm run db:generate` and commit the result.',
    );
    process.exit(1);
  }
  console.log('No schema drift: the committed migrations match server/db/schema.');
} finally {
  rmSync(workDir, { recursive: true, force: true });
}
