import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { compareContactNames } from './seed/seed';
import type { FaultKind, FaultScope } from './api/faults';
import type { EmulatorContext } from './context';
import { findOrganisation } from './context';
import { newId } from './ids';
import type { ContactRecord, Grant } from './model';
import type { WebhookSubscription } from './webhooks/webhook-sender';

export interface ContactInput {
  name: string;
  firstName?: string | null;
  lastName?: string | null;
  emailAddress?: string | null;
  isCustomer?: boolean;
  isSupplier?: boolean;
}

export type GrantSelector = { refreshToken: string } | { xeroUserId: string } | { all: true };

/**
 * Controls for tests and demos: faults, token expiry and revocation, contact changes, counters and
 * the clock. In-process callers use this object; over HTTP it is under /_emulator only when enabled.
 */
export class EmulatorControl {
  constructor(private readonly context: EmulatorContext) {}

  private grants(selector: GrantSelector): Grant[] {
    const all = [...this.context.authorization.grants.values()];
    if ('all' in selector) return all;
    if ('refreshToken' in selector) {
      const grant = this.context.authorization.grantForRefreshToken(selector.refreshToken);
      return grant ? [grant] : [];
    }
    return all.filter((grant) => grant.xeroUserId === selector.xeroUserId);
  }

  injectFaults(fault: {
    kind: FaultKind;
    count: number;
    scope?: FaultScope;
    tenantId?: string;
    retryAfterSeconds?: number;
  }): void {
    this.context.faults.add(fault);
  }

  clearFaults(): void {
    this.context.faults.clear();
  }

  expireAccessTokens(selector: GrantSelector = { all: true }): number {
    return this.grants(selector).reduce(
      (total, grant) => total + this.context.authorization.expireAccessTokens(grant.id),
      0,
    );
  }

  revokeGrants(selector: GrantSelector): number {
    const grants = this.grants(selector);
    for (const grant of grants) this.context.authorization.revokeGrant(grant.id);
    return grants.length;
  }

  private organisation(tenantId: string) {
    const organisation = findOrganisation(this.context, tenantId);
    if (!organisation) throw new Error(`No organisation ${tenantId}`);
    return organisation;
  }

  addContact(tenantId: string, input: ContactInput): ContactRecord {
    const organisation = this.organisation(tenantId);
    const contact: ContactRecord = {
      contactId: newId(),
      contactNumber: `C-X${organisation.contacts.length + 1}`,
      accountNumber: '',
      status: 'ACTIVE',
      name: input.name,
      firstName: input.firstName ?? null,
      lastName: input.lastName ?? null,
      emailAddress: input.emailAddress ?? null,
      contactPersons: [],
      isCustomer: input.isCustomer ?? true,
      isSupplier: input.isSupplier ?? false,
      phone: null,
      city: null,
      country: null,
      website: null,
      updatedAt: this.context.clock.now(),
    };
    organisation.contacts.push(contact);
    organisation.contacts.sort(compareContactNames);
    organisation.contactsById.set(contact.contactId, contact);
    organisation.activeContacts = null;
    this.context.webhooks.contactChanged(tenantId, contact.contactId, 'CREATE');
    return contact;
  }

  updateContact(
    tenantId: string,
    contactId: string,
    changes: Partial<ContactInput> & { status?: ContactRecord['status'] },
  ): ContactRecord {
    const organisation = this.organisation(tenantId);
    const contact = organisation.contactsById.get(contactId);
    if (!contact) throw new Error(`No contact ${contactId}`);
    Object.assign(contact, changes, { updatedAt: this.context.clock.now() });
    if (changes.name) organisation.contacts.sort(compareContactNames);
    organisation.activeContacts = null;
    // Xero reports archiving as an UPDATE too.
    this.context.webhooks.contactChanged(tenantId, contactId, 'UPDATE');
    return contact;
  }

  archiveContact(tenantId: string, contactId: string): ContactRecord {
    return this.updateContact(tenantId, contactId, { status: 'ARCHIVED' });
  }

  /** Sets (or with null removes) an app's webhook subscription; Intent to Receive runs before its first delivery. */
  setWebhook(clientId: string, subscription: WebhookSubscription | null): void {
    this.context.webhooks.subscribe(clientId, subscription);
  }

  intentToReceive(clientId: string): Promise<boolean> {
    return this.context.webhooks.intentToReceive(clientId);
  }

  injectWebhookBadSignatures(count: number): void {
    this.context.webhooks.injectBadSignatures(count);
  }

  webhookDeliveries() {
    return this.context.webhooks.deliveries();
  }

  /** Resolves when every webhook delivery under way, retries included, is done. */
  settleWebhooks(): Promise<void> {
    return this.context.webhooks.settle();
  }

  counters() {
    const authorization = this.context.authorization;
    return {
      tokenEndpointCalls: authorization.tokenEndpointCalls,
      tokensIssued: authorization.tokenRequestsTotal,
      tokenRequestsByGrant: [...authorization.grants.values()].map((grant) => ({
        grantId: grant.id,
        xeroUserId: grant.xeroUserId,
        count: grant.tokenRequests,
      })),
      apiCallsByTenant: Object.fromEntries(this.context.apiCallsByTenant),
    };
  }

  advanceClock(seconds: number): void {
    this.context.clock.advance(seconds);
  }

  resetLimits(): void {
    this.context.limiter.reset();
  }

  organisations() {
    return this.context.organisations.map((org) => ({
      tenantId: org.tenantId,
      name: org.name,
      contactCount: org.contacts.length,
      users: org.users.length,
    }));
  }
}

const grantSelector = z.union([
  z.object({ refreshToken: z.string() }),
  z.object({ xeroUserId: z.string() }),
  z.object({ all: z.literal(true) }),
]);
const contactInput = z.object({
  name: z.string().min(1),
  firstName: z.string().nullish(),
  lastName: z.string().nullish(),
  emailAddress: z.string().nullish(),
  isCustomer: z.boolean().optional(),
  isSupplier: z.boolean().optional(),
});

export function registerControlRoutes(app: FastifyInstance, control: EmulatorControl): void {
  const base = '/_emulator';
  app.setErrorHandler((error, _request, reply) => {
    if (error instanceof z.ZodError)
      return reply.code(400).send({ error: 'invalid_request', issues: error.issues.map((issue) => issue.message) });
    const message = error instanceof Error ? error.message : 'control request failed';
    return reply.code(400).send({ error: message });
  });
  app.get(`${base}/organisations`, async () => control.organisations());
  app.get(`${base}/counters`, async () => control.counters());
  app.post(`${base}/faults`, async (request) => {
    const input = z
      .object({
        kind: z.union([z.literal(429), z.literal(500), z.literal(503), z.literal('hang'), z.literal('lose_response')]),
        count: z.number().int().min(1).max(10_000),
        scope: z.enum(['api', 'token']).optional(),
        tenantId: z.string().optional(),
        retryAfterSeconds: z.number().int().min(0).optional(),
      })
      .parse(request.body);
    control.injectFaults(input);
    return { ok: true };
  });
  app.delete(`${base}/faults`, async () => {
    control.clearFaults();
    return { ok: true };
  });
  app.post(`${base}/tokens/expire`, async (request) => ({
    expired: control.expireAccessTokens(grantSelector.parse(request.body ?? { all: true })),
  }));
  app.post(`${base}/grants/revoke`, async (request) => ({
    revoked: control.revokeGrants(grantSelector.parse(request.body)),
  }));
  app.post(`${base}/clock/advance`, async (request) => {
    control.advanceClock(z.object({ seconds: z.number().int().min(0) }).parse(request.body).seconds);
    return { ok: true };
  });
  app.post(`${base}/limits/reset`, async () => {
    control.resetLimits();
    return { ok: true };
  });
  app.post(`${base}/tenants/:tenantId/contacts`, async (request) => {
    const { tenantId } = request.params as { tenantId: string };
    return control.addContact(tenantId, contactInput.parse(request.body));
  });
  app.patch(`${base}/tenants/:tenantId/contacts/:contactId`, async (request) => {
    const { tenantId, contactId } = request.params as { tenantId: string; contactId: string };
    return control.updateContact(tenantId, contactId, contactInput.partial().parse(request.body));
  });
  app.post(`${base}/tenants/:tenantId/contacts/:contactId/archive`, async (request) => {
    const { tenantId, contactId } = request.params as { tenantId: string; contactId: string };
    return control.archiveContact(tenantId, contactId);
  });
}
