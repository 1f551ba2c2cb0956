import type { FastifyReply, FastifyRequest } from 'fastify';

const bodylessMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

export const jsonOnlyRefusal = 'This API accepts JSON request bodies only (Content-Type: application/json).';

/**
 * tRPC also parses multipart/form-data and octet-stream bodies, the kinds a browser sends from another
 * origin without a preflight. Our procedures take JSON alone, so anything else is refused before parsing.
 */
export async function refuseNonJsonBodies(request: FastifyRequest, reply: FastifyReply) {
  if (bodylessMethods.has(request.method)) return;
  const mediaType = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (mediaType === 'application/json') return;
  return reply.code(415).header('cache-control', 'no-store').send({ error: jsonOnlyRefusal });
}
