import type { FastifyReply } from 'fastify';
import { randomUUID } from 'node:crypto';

/** Xero's error bodies, in the shapes its API answers with (and xero-node hands back). */
export function sendProblem(reply: FastifyReply, status: number, title: string, detail: string) {
  return reply
    .code(status)
    .send({ Type: null, Title: title, Status: status, Detail: detail, Instance: randomUUID(), Extensions: {} });
}

function xeroDateTime(epochSeconds: number): string {
  const date = new Date(epochSeconds * 1000);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${pad(date.getUTCMonth() + 1)}/${pad(date.getUTCDate())}/${date.getUTCFullYear()} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
}

export function sendTokenExpired(reply: FastifyReply, expiredAt: number | undefined) {
  const when = expiredAt ? xeroDateTime(expiredAt) : 'an earlier time';
  reply.header('www-authenticate', `Bearer error="invalid_token", error_description="The token expired at '${when}'"`);
  return sendProblem(reply, 401, 'Unauthorized', `TokenExpired: token expired at ${when}`);
}

export function sendForbidden(reply: FastifyReply) {
  return sendProblem(reply, 403, 'Forbidden', 'AuthenticationUnsuccessful');
}

/** A validation failure of the Accounting API: ErrorNumber 16 for an unparsable query. */
export function sendQueryParseError(reply: FastifyReply, message: string) {
  return reply.code(400).send({ ErrorNumber: 16, Type: 'QueryParseException', Message: message });
}

export function sendValidationError(reply: FastifyReply, message: string) {
  return reply.code(400).send({
    ErrorNumber: 10,
    Type: 'ValidationException',
    Message: 'A validation exception occurred',
    Elements: [{ ValidationErrors: [{ Message: message }] }],
  });
}
