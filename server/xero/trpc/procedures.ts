import { initTRPC } from '@trpc/server';
import { AppError } from '../../../shared/errors';
import type { XeroViewer } from '../viewer';
import type { XeroDeps } from '../xero-deps';
import { openXeroSession } from '../xero-session';
import { trpcErrorForAppError } from './app-error-to-trpc';

/**
 * What the module's procedures need from the host's tRPC context: one function that says who is asking.
 * The host's transformer and error formatter apply to these procedures as to its own.
 */
export interface XeroTrpcContext {
  xeroViewer(): Promise<XeroViewer | null>;
}

const t = initTRPC.context<XeroTrpcContext>().create();

export const xeroRouterOf = t.router;

/** Turns an AppError thrown anywhere below into the mapped tRPC error, whatever the host's own middleware. */
const appErrors = t.middleware(async function appErrors({ next }) {
  const result = await next();
  if (!result.ok) {
    const mapped = trpcErrorForAppError(result.error);
    if (mapped) throw mapped;
  }
  return result;
});

/** Proves someone is signed in (by the host's rules) and narrows `ctx.viewer`. */
export const viewerProcedure = t.procedure.use(appErrors).use(async function signedIn({ ctx, next }) {
  const viewer = await ctx.xeroViewer();
  if (!viewer) throw new AppError('UNAUTHENTICATED', 'Please sign in to continue.');
  return next({ ctx: { viewer } });
});

/** Proves the viewer may change the Xero app credentials. */
export const xeroAdminProcedure = viewerProcedure.use(async function xeroAdmin({ ctx, next }) {
  if (!ctx.viewer.isAdmin) throw new AppError('FORBIDDEN', 'Only an administrator can do that.');
  return next();
});

/**
 * `xeroRequired`: proves the viewer has a working Xero connection and puts a ready session on the context
 * (tenant, identity, linked user, and the gated `call()`), refreshing the token first when it is near expiry.
 */
export function xeroRequiredProcedure(deps: XeroDeps) {
  return viewerProcedure.use(async function xeroRequired({ ctx, next }) {
    const xero = await openXeroSession(deps, ctx.viewer.userId);
    return next({ ctx: { xero } });
  });
}
