import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((message) => message.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('module boundaries, as the linter enforces them', () => {
  it.each([
    ['server/xero/probe.ts', "import { users } from '../db/schema';"],
    ['server/xero/probe.ts', "import { currentSession } from '../auth/account-service';"],
    ['server/xero/trpc/probe.ts', "import { appRouter } from '../../trpc/router';"],
    ['server/xero/calls/deep/probe.ts', "import { registerTrpc } from '../../../http/trpc-plugin';"],
    ['server/xero-emulator/probe.ts', "import { AppError } from '../../shared/errors';"],
    ['server/xero-emulator/api/probe.ts', "import { xeroConnections } from '../../xero/schema';"],
  ])('refuses %s importing %s', async (filePath, code) => {
    expect(await boundaryErrors(filePath, `${code}\nexport const probe = 1;\n`)).toHaveLength(1);
  });

  it.each([
    ['server/xero/probe.ts', "import { AppError } from '../../shared/errors';"],
    ['server/xero/trpc/probe.ts', "import { xeroTenants } from '../schema';"],
    ['server/xero/calls/deep/probe.ts', "import { notConnected } from '../../module-errors';"],
    ['server/xero-emulator/api/probe.ts', "import { createServer } from 'node:http';"],
    ['server/trpc/probe.ts', "import { createXeroRouter } from '../xero/router';"],
  ])('allows %s importing %s', async (filePath, code) => {
    expect(await boundaryErrors(filePath, `${code}\nexport const probe = 1;\n`)).toEqual([]);
  });
});
