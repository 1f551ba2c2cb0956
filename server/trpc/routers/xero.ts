import { AppError } from '../../../shared/errors';
import {
  authUrlInput,
  contactInput,
  contactsInput,
  linkUserInput,
  selectTenantInput,
  xeroSettingsInput,
} from '../../../shared/xero-inputs';
import { guessUser, linkUser, unlinkUser } from '../../xero/match-service';
import { getContact, listContacts } from '../../xero/contacts-service';
import { selectTenant, loadConnection } from '../../xero/connection-store';
import { disconnectXero } from '../../xero/disconnect-service';
import { startAuthorization } from '../../xero/flow-service';
import { organisationProfile } from '../../xero/organisation-service';
import { readXeroSettings, removeXeroSettings, saveXeroSettings, testXeroSettings } from '../../xero/settings-service';
import { xeroStatus } from '../../xero/status-service';
import { adminProcedure, authedProcedure, router, xeroProcedure } from '../procedures';

export const xeroConnectionRouter = {
  /** A mutation: it creates a flow row, and GET must never change state. */
  authUrl: authedProcedure
    .input(authUrlInput)
    .mutation(({ ctx, input }) => startAuthorization(ctx.deps.xero, ctx.user.id, input.next)),
  status: authedProcedure.query(({ ctx }) => xeroStatus(ctx.deps.xero, ctx.user.id)),
  tenants: authedProcedure.query(async ({ ctx }) => (await xeroStatus(ctx.deps.xero, ctx.user.id)).tenants),
  selectTenant: authedProcedure.input(selectTenantInput).mutation(async ({ ctx, input }) => {
    const loaded = await loadConnection(ctx.deps.db, ctx.user.id);
    if (!loaded) throw new AppError('XERO_NOT_CONNECTED', 'Connect to Xero to continue.');
    // Only this user's own connection's organisations can be selected.
    if (!(await selectTenant(ctx.deps.db, loaded.connection.id, input.tenantId))) {
      throw new AppError('NOT_FOUND', 'That organisation is not connected to your account.');
    }
    return xeroStatus(ctx.deps.xero, ctx.user.id);
  }),
  disconnect: authedProcedure.mutation(({ ctx }) => disconnectXero(ctx.deps.xero, ctx.user.id)),
  settings: adminProcedure.query(({ ctx }) => readXeroSettings(ctx.deps.xero)),
  saveSettings: adminProcedure
    .input(xeroSettingsInput)
    .mutation(({ ctx, input }) => saveXeroSettings(ctx.deps.xero, input, ctx.user.id)),
  removeSettings: adminProcedure.mutation(({ ctx }) => removeXeroSettings(ctx.deps.xero)),
  /** A mutation: it sends the app's credentials to Xero, which a prefetch or a GET must never do. */
  testSettings: adminProcedure.mutation(({ ctx }) => testXeroSettings(ctx.deps.xero)),
};

export const xeroRouter = router({
  ...xeroConnectionRouter,
  contacts: xeroProcedure.input(contactsInput).query(({ ctx, input }) => listContacts(ctx.xero, input)),
  contact: xeroProcedure.input(contactInput).query(({ ctx, input }) => getContact(ctx.xero, input.id)),
  /** Reads Xero at most once a day per organisation; the kept copy also shows in `status`. */
  organisation: xeroProcedure.query(({ ctx }) => organisationProfile(ctx.deps.xero, ctx.xero)),
  guessUser: xeroProcedure.query(({ ctx }) => guessUser(ctx.xero, ctx.user)),
  linkUser: xeroProcedure
    .input(linkUserInput)
    .mutation(({ ctx, input }) => linkUser(ctx.deps.db, ctx.xero, input.xeroUserId)),
  // Unlinking needs no call to Xero, so it works even when the connection needs renewing.
  unlinkUser: authedProcedure.mutation(async ({ ctx }) => {
    await unlinkUser(ctx.deps.db, ctx.user.id);
    return { unlinked: true };
  }),
});
