import { readFileSync } from 'node:fs';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const readJson = (file: string) => JSON.parse(readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8'));
const manifest = readJson('package.json') as { engines: { node: string } };
const lockfile = readJson('package-lock.json') as {
  packages: Record<string, { version?: string; engines?: { node?: string } | string[] }>;
};
const oldestNode = semver.minVersion(manifest.engines.node)?.version ?? 'none';

describe('the Node.js versions the project claims', () => {
  // npm only warns (EBADENGINE) when a dependency wants a newer Node, so the claim quietly stops being true.
  it('are supported by every installed package that names the Node versions it needs', () => {
    const refusing = Object.entries(lockfile.packages)
      .filter(([path]) => path !== '')
      .flatMap(([path, entry]) => {
        const wanted = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
        return wanted && !semver.satisfies(oldestNode, wanted) ? [`${path}@${entry.version} wants ${wanted}`] : [];
      });
    expect(refusing).toEqual([]);
  });

  it('are the ones the README promises', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    expect(readme).toContain(`Needs Node.js ${semver.major(oldestNode)}.${semver.minor(oldestNode)}+`);
  });
});
