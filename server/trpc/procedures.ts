import { AppError } from '../../shared/errors';
import { appErrorMiddleware, t } from './init';

export const router = t.router;

export const publicProcedure = t.procedure.use(appErrorMiddleware);

/** Proves a user is signed in and narrows `ctx.user` for everything after it. */
const signedIn = t.middleware(async ({ ctx, next }) => {
  const user = await ctx.loadUser();
  if (!user) throw new AppError('UNAUTHENTICATED', 'Please sign in to continue.');
  return next({ ctx: { user } });
});

export const authedProcedure = publicProcedure.use(signedIn);
