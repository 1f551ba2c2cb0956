import { publicProcedure, router } from '../procedures';

/** The cheapest procedure there is: a liveness check through the whole tRPC stack, and a benchmark baseline. */
export const systemRouter = router({
  ping: publicProcedure.query(() => 'pong' as const),
});
