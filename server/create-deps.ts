import { createAuth } from './auth/auth';
import type { Db } from './db/db';
import type { AppDeps } from './trpc/context';

export interface DepsConfig {
  publicUrl: string;
  sessionSecret: string;
  isProduction: boolean;
}

export function createDeps(db: Db, config: DepsConfig): AppDeps {
  const secureCookies = config.isProduction || config.publicUrl.startsWith('https://');
  return { db, auth: createAuth(db, { publicUrl: config.publicUrl, sessionSecret: config.sessionSecret, secureCookies }) };
}
