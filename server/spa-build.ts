import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = fileURLToPath(new URL('..', import.meta.url));
export const spaDir = join(projectRoot, 'dist', 'web');
const spaSources = [join(projectRoot, 'web'), join(projectRoot, 'shared'), join(projectRoot, 'vite.config.ts')];

function newestChange(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestChange(join(path, name))), stat.mtimeMs);
}

/** True when there is no build or a source is newer than it. */
export function spaNeedsBuild(): boolean {
  const index = join(spaDir, 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  return spaSources.some((source) => existsSync(source) && newestChange(source) > built);
}

/** Builds the SPA with Vite. Vite is imported only here, so a deployment with a prebuilt SPA never loads it. */
export async function buildSpa(): Promise<void> {
  const { build } = await import('vite');
  // Always a production build: under a test runner NODE_ENV is 'test', and Vite and the React plugin
  // would bundle React's development build, which `npm start` would then go on serving. Both read
  // NODE_ENV from the process, so it is set for the build and put back after.
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: join(projectRoot, 'vite.config.ts'), logLevel: 'warn', mode: 'production' });
  } finally {
    if (previous === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previous;
  }
}
