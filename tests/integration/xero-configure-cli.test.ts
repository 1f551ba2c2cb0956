import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startTsProcess } from '../support/server-process';

const freshDataDir = () => mkdtempSync(join(tmpdir(), 'configure-'));

async function configure(args: string[], env: Record<string, string>) {
  const run = startTsProcess('server/cli/xero-configure.ts', args, env);
  const code = await run.exited;
  return { code, output: run.output() };
}

describe('npm run xero:configure', () => {
  it('prints its usage for --help, without a stack trace', async () => {
    const { code, output } = await configure(['--help'], { DATA_DIR: freshDataDir() });
    expect(code).toBe(0);
    expect(output).toContain('Usage: npm run xero:configure -- --client-id ID');
    expect(output).not.toMatch(/\n\s+at /);
  });

  it('says what is wrong with unknown options', async () => {
    const { code, output } = await configure(['--client', 'x'], { DATA_DIR: freshDataDir() });
    expect(code).toBe(2);
    expect(output).toContain("Unknown option '--client'");
    expect(output).not.toMatch(/\n\s+at /);
  });

  it('fails clearly, not silently, when there is no terminal to ask for the secret on', async () => {
    const { code, output } = await configure(['--client-id', 'ABC123'], { DATA_DIR: freshDataDir() });
    expect(code).toBe(2);
    expect(output).toContain('No terminal to ask for the client secret on: pass --client-secret');
  });

  it('refuses, and says why, while another process holds the embedded database', async () => {
    const dataDir = freshDataDir();
    const first = await configure(['--client-id', 'FIRST123', '--client-secret', 's1'], { DATA_DIR: dataDir });
    expect(first.code).toBe(0);
    // The server (here: a keep-alive run that never ends) holds the database.
    const holder = startTsProcess('tests/support/hold-database.ts', [], { DATA_DIR: dataDir });
    try {
      await waitFor(() => holder.output().includes('holding'));
      const second = await configure(['--client-id', 'SECOND12', '--client-secret', 's2'], { DATA_DIR: dataDir });
      expect(second.code).toBe(1);
      expect(second.output).toContain('is in use by another process');
      expect(second.output).toContain('stop the server first');
    } finally {
      await holder.stop();
    }
    // Once the holder has gone, the command works: the lock does not outlive its process.
    const third = await configure(['--client-id', 'THIRD123', '--client-secret', 's3'], { DATA_DIR: dataDir });
    expect(third.code).toBe(0);
    expect(third.output).toContain('Saved.');
  }, 60_000);
});

async function waitFor(condition: () => boolean, deadline = Date.now() + 30_000): Promise<void> {
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
