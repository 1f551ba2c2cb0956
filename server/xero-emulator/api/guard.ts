import type { FastifyReply, FastifyRequest } from 'fastify';
import { findOrganisation, type EmulatorContext } from '../context';
import type { Grant, OrganisationRecord } from '../model';
import { applyAlteringFault, sendReplacingFault } from './fault-replies';
import { sendForbidden, sendProblem, sendTokenExpired } from './problems';

export interface AdmittedCall {
  grant: Grant;
  organisation: OrganisationRecord;
}

/** Bearer token only, for /connections: no tenant, no per-tenant limits. */
export async function admitBearer(
  context: EmulatorContext,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<Grant | null> {
  const fault = context.faults.take('api', null);
  if (fault && (await sendReplacingFault(reply, fault))) return null;
  const bearer = await context.authorization.checkBearer(request.headers.authorization);
  if ('grant' in bearer) return bearer.grant;
  await sendTokenExpired(reply, bearer.expiredAt);
  return null;
}

/**
 * What Xero checks before an Accounting API call: injected faults, the bearer token, that the user's
 * connection covers the tenant, and the tenant's rate limits. Answers the failure itself and returns
 * null, or admits the call and frees its concurrency slot when the response ends.
 */
export async function admitTenantCall(
  context: EmulatorContext,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<AdmittedCall | null> {
  const tenantHeader = request.headers['xero-tenant-id'];
  const tenantId = typeof tenantHeader === 'string' ? tenantHeader.trim().toLowerCase() : '';
  const fault = context.faults.take('api', tenantId || null);
  if (fault && (await sendReplacingFault(reply, fault))) return null;
  const bearer = await context.authorization.checkBearer(request.headers.authorization);
  if (!('grant' in bearer)) {
    await sendTokenExpired(reply, bearer.expiredAt);
    return null;
  }
  const grant = bearer.grant;
  const organisation = findOrganisation(context, tenantId);
  const connected = context.authorization.connectionsFor(grant).some((connection) => connection.tenantId === tenantId);
  if (!organisation || !connected) {
    await sendForbidden(reply);
    return null;
  }
  const admission = context.limiter.admit(tenantId, grant.clientId);
  reply.headers(admission.headers);
  if (!admission.admitted) {
    reply.header('retry-after', String(admission.retryAfterSeconds)).header('x-rate-limit-problem', admission.problem);
    await sendProblem(reply, 429, 'Too Many Requests', `Rate limit exceeded: ${admission.problem}`);
    return null;
  }
  reply.raw.once('close', admission.release);
  context.apiCallsByTenant.set(tenantId, (context.apiCallsByTenant.get(tenantId) ?? 0) + 1);
  if (fault) await applyAlteringFault(reply, fault);
  return { grant, organisation };
}
