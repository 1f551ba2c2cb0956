import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from '../context';
import type { OrgUserRecord } from '../model';
import { admitTenantCall } from './guard';
import { sendQueryParseError } from './problems';
import { compileOrder, parseIfModifiedSince, QueryError } from './query';
import { organisationJson, userJson, envelope } from './serialize';
import { compileWhere, WhereParseError, type FieldReader } from './where';

const userFields = new Set([
  'UserID',
  'EmailAddress',
  'FirstName',
  'LastName',
  'IsSubscriber',
  'OrganisationRole',
  'UpdatedDateUTC',
]);

const readUser =
  (user: OrgUserRecord): FieldReader =>
  (field) => {
    switch (field) {
      case 'UserID':
        return user.userId;
      case 'EmailAddress':
        return user.emailAddress;
      case 'FirstName':
        return user.firstName;
      case 'LastName':
        return user.lastName;
      case 'IsSubscriber':
        return user.isSubscriber;
      case 'OrganisationRole':
        return user.organisationRole;
      case 'UpdatedDateUTC':
        return user.updatedAt;
      default:
        return null;
    }
  };

/** Users and Organisation: the `accounting.settings.read` endpoints. */
export function registerSettingsRoutes(app: FastifyInstance, context: EmulatorContext): void {
  app.get('/api.xro/2.0/Users', async (request, reply) => {
    const call = await admitTenantCall(context, request, reply);
    if (!call) return reply;
    const query = request.query as Record<string, unknown>;
    try {
      const where =
        typeof query.where === 'string' && query.where.trim() ? compileWhere(query.where, userFields, 'User') : null;
      const order =
        typeof query.order === 'string' && query.order.trim() ? compileOrder(query.order, userFields, readUser) : null;
      const since = parseIfModifiedSince(request.headers['if-modified-since']);
      let users = call.organisation.users.filter(
        (user) => (since === null || user.updatedAt > since) && (where === null || where(readUser(user))),
      );
      if (order) users = [...users].sort(order);
      return envelope(context.options.providerName, context.clock.now(), { Users: users.map(userJson) });
    } catch (error) {
      if (error instanceof WhereParseError || error instanceof QueryError)
        return sendQueryParseError(reply, error.message);
      throw error;
    }
  });

  app.get('/api.xro/2.0/Organisation', async (request, reply) => {
    const call = await admitTenantCall(context, request, reply);
    if (!call) return reply;
    return envelope(context.options.providerName, context.clock.now(), {
      Organisations: [organisationJson(call.organisation)],
    });
  });
}
