import {
  authUrlInput,
  changesInput,
  contactInput,
  contactsInput,
  linkUserInput,
  selectTenantInput,
  xeroSettingsInput,
} from '../../shared/xero-inputs';
import { getContact, listContacts } from './contacts-service';
import { watchChanges } from './live/watch-changes';
import { disconnectXero } from './disconnect-service';
import { startAuthorization } from './flow-start';
import { guessUser, linkUser, unlinkUser } from './match-service';
import { readXeroSettings, saveXeroSettings } from './settings-service';
import { xeroStatus } from './status-service';
import { selectTenant } from './tenant-selection';
import { viewerProcedure, xeroAdminProcedure, xeroRequiredProcedure, xeroRouterOf } from './trpc/procedures';
import type { XeroDeps } from './xero-deps';

/**
 * The module's procedures, mounted by the host as `xero`. Each validates its input and calls one service.
 * Built per set of dependencies, so the host's context needs to carry only `xeroViewer()`.
 */
export function createXeroRouter(deps: XeroDeps) {
  const xeroProcedure = xeroRequiredProcedure(deps);
  return xeroRouterOf({
    /** A mutation: it creates a flow row, and GET must never change state. */
    authUrl: viewerProcedure
      .input(authUrlInput)
      .mutation(({ ctx, input }) => startAuthorization(deps, ctx.viewer, input.next)),
    status: viewerProcedure.query(({ ctx }) => xeroStatus(deps, ctx.viewer.userId)),
    selectTenant: viewerProcedure
      .input(selectTenantInput)
      .mutation(({ ctx, input }) => selectTenant(deps, ctx.viewer.userId, input.tenantId)),
    disconnect: viewerProcedure.mutation(({ ctx }) => disconnectXero(deps, ctx.viewer.userId)),
    settings: xeroAdminProcedure.query(() => readXeroSettings(deps)),
    saveSettings: xeroAdminProcedure
      .input(xeroSettingsInput)
      .mutation(({ ctx, input }) => saveXeroSettings(deps, input, ctx.viewer.userId)),
    contacts: xeroProcedure.input(contactsInput).query(({ ctx, input }) => listContacts(ctx.xero, input)),
    contact: xeroProcedure.input(contactInput).query(({ ctx, input }) => getContact(ctx.xero, input.id)),
    guessUser: xeroProcedure.query(({ ctx }) => guessUser(ctx.xero, ctx.viewer)),
    linkUser: xeroProcedure
      .input(linkUserInput)
      .mutation(({ ctx, input }) => linkUser(deps.db, ctx.xero, input.xeroUserId)),
    /** Server-sent events: the selected organisation's mirror changed, so open pages refetch what they show. */
    changes: viewerProcedure
      .input(changesInput)
      .subscription(({ ctx, input, signal }) => watchChanges(deps, ctx.viewer.userId, input.tenantId, signal)),
    // Unlinking needs no call to Xero, so it works even when the connection needs renewing.
    unlinkUser: viewerProcedure.mutation(({ ctx }) => unlinkUser(deps.db, ctx.viewer.userId)),
  });
}

export type XeroRouter = ReturnType<typeof createXeroRouter>;
