import { signInInput, signUpInput } from '../../../shared/auth-inputs';
import { xeroEmailInput } from '../../../shared/xero-inputs';
import { setXeroEmail, signIn, signOut, signUp } from '../../auth/account-service';
import { authedProcedure, publicProcedure, router } from '../procedures';

export const authRouter = router({
  me: publicProcedure.query(({ ctx }) => ctx.loadUser()),
  signUp: publicProcedure
    .input(signUpInput)
    .mutation(({ ctx, input }) => signUp(ctx.deps.auth, ctx.deps.db, input, ctx.request)),
  signIn: publicProcedure
    .input(signInInput)
    .mutation(({ ctx, input }) => signIn(ctx.deps.auth, ctx.deps.signInLimiter, input, ctx.request)),
  /** The profile's "Xero email": the address this person uses at Xero, when it differs. */
  setXeroEmail: authedProcedure.input(xeroEmailInput).mutation(async ({ ctx, input }) => {
    await setXeroEmail(ctx.deps.db, ctx.user.id, input.xeroEmail);
    return { xeroEmail: input.xeroEmail };
  }),
  signOut: publicProcedure.mutation(async ({ ctx }) => {
    await signOut(ctx.deps.auth, ctx.request);
    return { signedOut: true };
  }),
});
