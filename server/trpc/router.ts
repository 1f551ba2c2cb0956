import { router } from './procedures';
import { authRouter } from './routers/auth';
import { systemRouter } from './routers/system';

export const appRouter = router({
  auth: authRouter,
  system: systemRouter,
});

export type AppRouter = typeof appRouter;
