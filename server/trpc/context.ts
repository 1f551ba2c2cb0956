import { currentSession, type AuthRequest, type CurrentSession } from '../auth/account-service';
import { xeroViewerOf } from '../auth/xero-viewer';
import type { AppDeps } from '../app-deps';
import type { XeroTrpcContext } from '../xero/trpc/procedures';

export type RequestFacts = AuthRequest;

/**
 * The context for one call, from dependencies and the request's facts alone: what tests call too.
 * The session is looked up on first use, so procedures that need no user cost no database read.
 */
export function createContextInner(deps: AppDeps, request: RequestFacts) {
  let session: Promise<CurrentSession | null> | undefined;
  const loadSession = () => (session ??= currentSession(deps.auth, request.headers));
  return {
    deps,
    request,
    loadUser: async () => (await loadSession())?.user ?? null,
    xeroViewer: async () => xeroViewerOf(await loadSession()),
  } satisfies XeroTrpcContext & Record<string, unknown>;
}

export type Context = ReturnType<typeof createContextInner>;
