import type { FastifyInstance } from 'fastify';
import { findOrganisation, type EmulatorContext } from '../context';
import type { ConnectionRecord } from '../model';
import { admitBearer } from './guard';
import { sendProblem } from './problems';

function connectionJson(context: EmulatorContext, connection: ConnectionRecord) {
  return {
    id: connection.id,
    authEventId: connection.authEventId,
    tenantId: connection.tenantId,
    tenantType: 'ORGANISATION',
    tenantName: findOrganisation(context, connection.tenantId)?.name ?? 'Unknown organisation',
    createdDateUtc: new Date(connection.createdAt).toISOString(),
    updatedDateUtc: new Date(connection.updatedAt).toISOString(),
  };
}

/** The tenants a user has connected to this app (Xero's identity API, /connections). */
export function registerConnectionRoutes(app: FastifyInstance, context: EmulatorContext): void {
  app.get('/connections', async (request, reply) => {
    const grant = await admitBearer(context, request, reply);
    if (!grant) return reply;
    const { authEventId } = request.query as { authEventId?: string };
    return context.authorization
      .connectionsFor(grant)
      .filter((connection) => !authEventId || connection.authEventId === authEventId)
      .sort((a, b) => b.updatedAt - a.updatedAt)
      .map((connection) => connectionJson(context, connection));
  });

  app.delete('/connections/:id', async (request, reply) => {
    const grant = await admitBearer(context, request, reply);
    if (!grant) return reply;
    const { id } = request.params as { id: string };
    const connection = context.authorization.connectionsFor(grant).find((candidate) => candidate.id === id);
    if (!connection) return sendProblem(reply, 404, 'Not Found', 'Connection not found');
    context.authorization.connections.delete(connection.id);
    return reply.code(204).send();
  });
}
