import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { EmulatorContext } from '../context';
import type { EmulatorControl } from '../control';
import type { ContactRecord } from '../model';
import { admitTenantCall } from './guard';
import { sendForbidden, sendValidationError } from './problems';
import { contactJson, envelope } from './serialize';

const contactBody = z.object({
  ContactID: z.uuid().optional(),
  Name: z.string().trim().min(1).max(255).optional(),
  FirstName: z.string().max(255).nullish(),
  LastName: z.string().max(255).nullish(),
  EmailAddress: z.string().max(255).nullish(),
  IsCustomer: z.boolean().optional(),
  IsSupplier: z.boolean().optional(),
  ContactStatus: z.enum(['ACTIVE', 'ARCHIVED']).optional(),
});
const contactsBody = z.object({ Contacts: z.array(contactBody).min(1).max(50) });
type ContactBody = z.infer<typeof contactBody>;

/**
 * Creating and changing contacts through the Accounting API (scope `accounting.contacts`), so a change
 * made by "another Xero app" reaches our app as a webhook exactly as one made in Xero's own UI would.
 */
export function registerContactWriteRoutes(app: FastifyInstance, context: EmulatorContext, control: EmulatorControl) {
  async function write(request: FastifyRequest, reply: FastifyReply, pathContactId: string | null, create: boolean) {
    const call = await admitTenantCall(context, request, reply);
    if (!call) return reply;
    if (!call.grant.scopes.includes('accounting.contacts')) return sendForbidden(reply);
    const parsed = contactsBody.safeParse(request.body);
    if (!parsed.success) return sendValidationError(reply, parsed.error.issues[0]?.message ?? 'Invalid contact');
    const tenantId = call.organisation.tenantId;
    const written: ContactRecord[] = [];
    for (const item of parsed.data.Contacts) {
      const contactId = pathContactId ?? (create ? null : (item.ContactID ?? null));
      if (contactId) {
        if (!call.organisation.contactsById.has(contactId)) return sendValidationError(reply, 'Contact not found');
        written.push(control.updateContact(tenantId, contactId, changesFrom(item)));
      } else {
        if (!item.Name) return sendValidationError(reply, 'The contact name must be specified.');
        written.push(control.addContact(tenantId, { ...changesFrom(item), name: item.Name }));
      }
    }
    return envelope(context.options.providerName, context.clock.now(), {
      Contacts: written.map((contact) => contactJson(contact, false)),
    });
  }
  app.put('/api.xro/2.0/Contacts', (request, reply) => write(request, reply, null, true));
  app.post('/api.xro/2.0/Contacts', (request, reply) => write(request, reply, null, false));
  app.post('/api.xro/2.0/Contacts/:contactId', (request, reply) =>
    write(request, reply, (request.params as { contactId: string }).contactId, false),
  );
}

function changesFrom(item: ContactBody) {
  return {
    ...(item.Name !== undefined ? { name: item.Name } : {}),
    ...(item.FirstName !== undefined ? { firstName: item.FirstName } : {}),
    ...(item.LastName !== undefined ? { lastName: item.LastName } : {}),
    ...(item.EmailAddress !== undefined ? { emailAddress: item.EmailAddress } : {}),
    ...(item.IsCustomer !== undefined ? { isCustomer: item.IsCustomer } : {}),
    ...(item.IsSupplier !== undefined ? { isSupplier: item.IsSupplier } : {}),
    ...(item.ContactStatus !== undefined ? { status: item.ContactStatus } : {}),
  };
}
