import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import type { Db } from '../db/db';
import type { AppLogger } from '../log/app-logger';
import { authLibraryLog } from '../log/auth-library-log';
import * as schema from '../db/schema';
import type { UserRole } from '../db/schema';
import { promoteIfFirstAccount } from './first-admin';

export interface AuthConfig {
  publicUrl: string;
  sessionSecret: string;
  /** Secure cookies whenever users reach us over HTTPS or we run in production. */
  secureCookies: boolean;
  logger: AppLogger;
}

export const authBasePath = '/api/auth';

/**
 * Local accounts on Better Auth: password hashing, session tokens and cookies are the library's, on
 * our own database. The SPA reaches it through tRPC procedures (server/auth/account-service.ts).
 */
export function createAuth(db: Db, config: AuthConfig) {
  return betterAuth({
    appName: 'Xero Connect',
    baseURL: config.publicUrl,
    basePath: authBasePath,
    secret: config.sessionSecret,
    trustedOrigins: [config.publicUrl],
    telemetry: { enabled: false },
    // Its own console logger would print failed SQL with the user's email, stacks and raw user input.
    logger: { level: 'warn', log: authLibraryLog(config.logger) },
    database: drizzleAdapter(db, {
      provider: 'pg',
      usePlural: true,
      schema: {
        users: schema.users,
        sessions: schema.sessions,
        accounts: schema.accounts,
        verifications: schema.verifications,
      },
    }),
    emailAndPassword: { enabled: true, minPasswordLength: 10, maxPasswordLength: 128, autoSignIn: true },
    user: {
      additionalFields: {
        firstName: { type: 'string', required: true },
        lastName: { type: 'string', required: true },
        role: { type: 'string', required: false, input: false, defaultValue: 'user' },
        xeroEmail: { type: 'string', required: false, input: false },
      },
    },
    session: {
      expiresIn: 60 * 60 * 24 * 30,
      updateAge: 60 * 60 * 24,
    },
    advanced: {
      useSecureCookies: config.secureCookies,
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax' },
    },
    databaseHooks: {
      user: {
        create: {
          // The first account administers the app (Xero app credentials etc.): decided once it is stored,
          // atomically (the library runs this after its transaction commits).
          before: async (user) => ({ data: { ...user, role: 'user' satisfies UserRole } }),
          after: async (user) => promoteIfFirstAccount(db, user.id),
        },
      },
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;
