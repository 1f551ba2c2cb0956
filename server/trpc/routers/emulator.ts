import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { emulatorFaults, injectEmulatorFault } from '../../dev/emulator-faults';
import { authedProcedure, router } from '../procedures';

/** Development only (the service refuses unless the built-in emulator is the Xero in use); admins only. */
export const emulatorRouter = router({
  injectFault: authedProcedure.input(z.object({ fault: z.enum(emulatorFaults) })).mutation(({ ctx, input }) => {
    if (ctx.user.role !== 'admin') throw new AppError('FORBIDDEN', 'Only an administrator can do that.');
    return injectEmulatorFault(ctx.deps.xero.config, input.fault);
  }),
});
