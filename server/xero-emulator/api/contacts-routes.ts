import type { FastifyInstance, FastifyReply } from 'fastify';
import type { EmulatorContext } from '../context';
import type { ContactRecord } from '../model';
import { admitTenantCall } from './guard';
import { sendProblem, sendQueryParseError, sendValidationError } from './problems';
import {
  compileOrder,
  filterPage,
  paginate,
  parseBoolean,
  parseIds,
  parseIfModifiedSince,
  parsePositiveInt,
  QueryError,
} from './query';
import { contactJson, envelope } from './serialize';
import { compileWhere, WhereParseError, type FieldReader } from './where';

const contactFields = new Set([
  'ContactID',
  'ContactNumber',
  'AccountNumber',
  'Name',
  'FirstName',
  'LastName',
  'EmailAddress',
  'ContactStatus',
  'IsCustomer',
  'IsSupplier',
  'UpdatedDateUTC',
]);

export const readContact =
  (contact: ContactRecord): FieldReader =>
  (field) => {
    switch (field) {
      case 'ContactID':
        return contact.contactId;
      case 'ContactNumber':
        return contact.contactNumber;
      case 'AccountNumber':
        return contact.accountNumber;
      case 'Name':
        return contact.name;
      case 'FirstName':
        return contact.firstName;
      case 'LastName':
        return contact.lastName;
      case 'EmailAddress':
        return contact.emailAddress;
      case 'ContactStatus':
        return contact.status;
      case 'IsCustomer':
        return contact.isCustomer;
      case 'IsSupplier':
        return contact.isSupplier;
      case 'UpdatedDateUTC':
        return contact.updatedAt;
      default:
        return null;
    }
  };

function matchesSearch(contact: ContactRecord, term: string): boolean {
  const haystacks = [contact.name, contact.firstName, contact.lastName, contact.contactNumber, contact.emailAddress];
  return haystacks.some((value) => value !== null && value.toLowerCase().includes(term));
}

function sendQueryFailure(reply: FastifyReply, error: unknown) {
  if (error instanceof WhereParseError || (error instanceof QueryError && error.kind === 'parse'))
    return sendQueryParseError(reply, error.message);
  if (error instanceof QueryError) return sendValidationError(reply, error.message);
  throw error;
}

export function registerContactRoutes(app: FastifyInstance, context: EmulatorContext): void {
  app.get('/api.xro/2.0/Contacts', async (request, reply) => {
    const call = await admitTenantCall(context, request, reply);
    if (!call) return reply;
    const query = request.query as Record<string, unknown>;
    try {
      const page = parsePositiveInt('page', query.page, Number.MAX_SAFE_INTEGER);
      const pageSize = parsePositiveInt('pageSize', query.pageSize, 1000);
      const where =
        typeof query.where === 'string' && query.where.trim()
          ? compileWhere(query.where, contactFields, 'Contact')
          : null;
      const order =
        typeof query.order === 'string' && query.order.trim()
          ? compileOrder(query.order, contactFields, readContact)
          : null;
      const ids = parseIds(query);
      const includeArchived = parseBoolean(query.includeArchived);
      const term = typeof query.searchTerm === 'string' ? query.searchTerm.trim().toLowerCase() : '';
      const since = parseIfModifiedSince(request.headers['if-modified-since']);
      const filtered = where !== null || ids !== null || since !== null || term !== '';
      const keep = (contact: ContactRecord) =>
        (includeArchived || contact.status !== 'ARCHIVED') &&
        (ids === null || ids.has(contact.contactId)) &&
        (since === null || contact.updatedAt > since) &&
        (term === '' || matchesSearch(contact, term)) &&
        (where === null || where(readContact(contact)));
      // The stored list is already in name order; another order sorts only the matches (an incremental
      // sync's If-Modified-Since leaves few of 100,000), never the whole organisation.
      const result = order
        ? paginate(
            call.organisation.contacts
              .filter(keep)
              .sort((a, b) => order(a, b) || a.contactId.localeCompare(b.contactId)),
            page,
            pageSize,
          )
        : !filtered && !includeArchived
          ? paginate(
              (call.organisation.activeContacts ??= call.organisation.contacts.filter(
                (contact) => contact.status !== 'ARCHIVED',
              )),
              page,
              pageSize,
            )
          : filterPage(call.organisation.contacts, keep, page, pageSize);
      const summaryOnly = parseBoolean(query.summaryOnly);
      return envelope(context.options.providerName, context.clock.now(), {
        pagination: result.pagination,
        Contacts: result.items.map((contact) => contactJson(contact, summaryOnly)),
      });
    } catch (error) {
      return sendQueryFailure(reply, error);
    }
  });

  app.get('/api.xro/2.0/Contacts/:contactId', async (request, reply) => {
    const call = await admitTenantCall(context, request, reply);
    if (!call) return reply;
    const { contactId } = request.params as { contactId: string };
    const contact =
      call.organisation.contactsById.get(contactId.toLowerCase()) ??
      call.organisation.contacts.find((candidate) => candidate.contactNumber === contactId);
    if (!contact) return sendProblem(reply, 404, 'Not Found', 'The resource you are looking for cannot be found');
    return envelope(context.options.providerName, context.clock.now(), { Contacts: [contactJson(contact, false)] });
  });
}
