import type { Auth } from '../auth/auth';
import { currentUser, type AuthRequest } from '../auth/account-service';
import type { Db } from '../db/db';

/** What the app is built from; tests build the same thing on their own database. */
export interface AppDeps {
  db: Db;
  auth: Auth;
}

export type RequestFacts = AuthRequest;

/** The context for one call, from dependencies and the request's facts alone: what tests call too. */
export async function createContextInner(deps: AppDeps, request: RequestFacts) {
  const user = await currentUser(deps.auth, request.headers);
  return { deps, request, user };
}

export type Context = Awaited<ReturnType<typeof createContextInner>>;
