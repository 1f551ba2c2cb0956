import { signInInput, signUpInput } from '../../../shared/auth-inputs';
import { signIn, signOut, signUp } from '../../auth/account-service';
import { publicProcedure, router } from '../procedures';

export const authRouter = router({
  me: publicProcedure.query(({ ctx }) => ctx.loadUser()),
  signUp: publicProcedure
    .input(signUpInput)
    .mutation(({ ctx, input }) => signUp(ctx.deps.auth, input, ctx.request)),
  signIn: publicProcedure
    .input(signInInput)
    .mutation(({ ctx, input }) => signIn(ctx.deps.auth, input, ctx.request)),
  signOut: publicProcedure.mutation(async ({ ctx }) => {
    await signOut(ctx.deps.auth, ctx.request);
    return { signedOut: true };
  }),
});
