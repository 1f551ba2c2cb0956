import { randomBytes, randomUUID } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import type { Fault } from './faults';
import { sendProblem } from './problems';

const maintenancePage =
  '<!DOCTYPE html><html><head><title>Xero is down for maintenance</title></head>' +
  '<body><h1>We will be back shortly</h1></body></html>';

/** Answers a fault that replaces Xero's answer entirely; false for faults that alter a real answer. */
export async function sendReplacingFault(reply: FastifyReply, fault: Fault): Promise<boolean> {
  switch (fault.kind) {
    case 'hang':
      // Never answers: the client's own timeout is what is being tested. Closing the emulator ends it.
      await new Promise(() => {});
      return true;
    case 429:
      reply.header('retry-after', String(fault.retryAfterSeconds)).header('x-rate-limit-problem', 'minute');
      await sendProblem(reply, 429, 'Too Many Requests', 'You have exceeded the rate limit');
      return true;
    case 'lose_response':
      reply.raw.destroy();
      return true;
    case 503:
      await sendProblem(reply, 503, 'Service Unavailable', 'The Xero API is temporarily unavailable');
      return true;
    case 500:
      await sendProblem(reply, 500, 'An error occurred', 'An unexpected error occurred in Xero');
      return true;
    case 'html':
      await reply.code(200).header('content-type', 'text/html; charset=utf-8').send(maintenancePage);
      return true;
    case 'cut_json':
      await reply
        .code(200)
        .header('content-type', 'application/json; charset=utf-8')
        .send('{"Id":"5d2b1c3e","Status":"OK","ProviderName":"Xero Emulator","Contacts":[{"ContactID":"8f');
      return true;
    case 'bad_gzip':
      await reply
        .code(200)
        .header('content-type', 'application/json; charset=utf-8')
        .header('content-encoding', 'gzip')
        .send(Buffer.concat([Buffer.from([0x1f, 0x8b, 0x08, 0x00]), randomBytes(64)]));
      return true;
    case 'no_list':
      await reply.code(200).send({ Id: randomUUID(), Status: 'OK', ProviderName: 'Xero Emulator' });
      return true;
    default:
      return false;
  }
}

/** Faults that let the real work happen and then alter or delay its answer. */
export async function applyAlteringFault(reply: FastifyReply, fault: Fault): Promise<void> {
  if (fault.kind === 'slow') await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
  if (fault.kind === 'no_pagination') {
    const send = reply.send.bind(reply);
    reply.send = (payload?: unknown) => {
      if (payload && typeof payload === 'object' && 'pagination' in payload) {
        const { pagination: _dropped, ...rest } = payload as Record<string, unknown>;
        return send(rest);
      }
      return send(payload);
    };
  }
}
