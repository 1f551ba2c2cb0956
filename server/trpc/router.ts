import type { AppDeps } from '../app-deps';
import { createXeroRouter } from '../xero/router';
import { router } from './procedures';
import { authRouter } from './routers/auth';
import { emulatorRouter } from './routers/emulator';
import { systemRouter } from './routers/system';

/** The whole API. The Xero module's router is built on its dependencies and mounted as `xero`. */
export function createAppRouter(deps: AppDeps) {
  return router({
    auth: authRouter,
    system: systemRouter,
    emulator: emulatorRouter,
    xero: createXeroRouter(deps.xero),
  });
}

export type AppRouter = ReturnType<typeof createAppRouter>;
