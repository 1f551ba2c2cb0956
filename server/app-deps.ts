import type { Auth } from './auth/auth';
import type { SignInLimiter } from './auth/sign-in-limiter';
import type { Db } from './db/db';
import type { XeroDeps } from './xero/xero-deps';

/** What the app is built from; tests build the same thing on their own database. */
export interface AppDeps {
  db: Db;
  auth: Auth;
  signInLimiter: SignInLimiter;
  xero: XeroDeps;
}
