import { router } from './procedures';
import { authRouter } from './routers/auth';
import { systemRouter } from './routers/system';
import { xeroRouter } from './routers/xero';

export const appRouter = router({
  auth: authRouter,
  system: systemRouter,
  xero: xeroRouter,
});

export type AppRouter = typeof appRouter;
