import {
  authUrlInput,
  changesInput,
  contactInput,
  contactsInput,
  linkUserInput,
  selectTenantInput,
  xeroSettingsInput,
} from '../../shared/xero-inputs';
import { contactForUser, contactsForUser } from './mirror/contacts-source';
import { syncNow, syncStatus } from './mirror/sync-status-service';
import { watchChanges } from './live/watch-changes';
import { disconnectXero } from './disconnect-service';
import { startAuthorization } from './flow-start';
import { guessUser, linkUser, unlinkUser } from './match-service';
import { organisationProfile } from './organisation-service';
import { readXeroSettings, removeXeroSettings, saveXeroSettings, testXeroSettings } from './settings-service';
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
    removeSettings: xeroAdminProcedure.mutation(() => removeXeroSettings(deps)),
    /** A mutation: it sends the app's credentials to Xero, which a prefetch or a GET must never do. */
    testSettings: xeroAdminProcedure.mutation(() => testXeroSettings(deps)),
    // From the mirror once the organisation's first sync is done, with no Xero session; live until then.
    contacts: viewerProcedure
      .input(contactsInput)
      .query(({ ctx, input }) => contactsForUser(deps, ctx.viewer.userId, input)),
    contact: viewerProcedure
      .input(contactInput)
      .query(({ ctx, input }) => contactForUser(deps, ctx.viewer.userId, input.id)),
    syncStatus: viewerProcedure.query(({ ctx }) => syncStatus(deps, ctx.viewer.userId)),
    /** A mutation: it queues work (deduplicated, and refused right after a sync). */
    syncNow: viewerProcedure.mutation(({ ctx }) => syncNow(deps, ctx.viewer.userId)),
    /** Reads Xero at most once a day per organisation; the kept copy also shows in `status`. */
    organisation: xeroProcedure.query(({ ctx }) => organisationProfile(deps, ctx.xero)),
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
