import type { Auth } from '../auth/auth';
import { currentUser, type AuthRequest } from '../auth/account-service';
import type { SessionUser } from '../auth/session-user';
import type { SignInLimiter } from '../auth/sign-in-limiter';
import type { Db } from '../db/db';
import type { XeroDeps } from '../xero/xero-deps';

/** What the app is built from; tests build the same thing on their own database. */
export interface AppDeps {
  db: Db;
  auth: Auth;
  signInLimiter: SignInLimiter;
  xero: XeroDeps;
}

export type RequestFacts = AuthRequest;

/**
 * The context for one call, from dependencies and the request's facts alone: what tests call too.
 * The session is looked up on first use, so procedures that need no user cost no database read.
 */
export async function createContextInner(deps: AppDeps, request: RequestFacts) {
  let user: Promise<SessionUser | null> | undefined;
  return { deps, request, loadUser: () => (user ??= currentUser(deps.auth, request.headers)) };
}

export type Context = Awaited<ReturnType<typeof createContextInner>>;
