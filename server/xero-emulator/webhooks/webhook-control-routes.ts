import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { EmulatorControl } from '../control';

const subscription = z.object({ url: z.url(), key: z.string().min(1).max(200) }).nullable();

/** The webhook part of the control surface: subscriptions, Intent to Receive, faults and the delivery log. */
export function registerWebhookControlRoutes(app: FastifyInstance, control: EmulatorControl): void {
  const base = '/_emulator/webhooks';
  app.put(`${base}/:clientId`, async (request) => {
    const { clientId } = request.params as { clientId: string };
    control.setWebhook(clientId, subscription.parse(request.body));
    return { ok: true };
  });
  app.post(`${base}/:clientId/intent-to-receive`, async (request) => {
    const { clientId } = request.params as { clientId: string };
    return { passed: await control.intentToReceive(clientId) };
  });
  app.post(`${base}/faults/bad-signature`, async (request) => {
    control.injectWebhookBadSignatures(
      z.object({ count: z.number().int().min(1).max(1000) }).parse(request.body).count,
    );
    return { ok: true };
  });
  app.get(`${base}/deliveries`, async () => control.webhookDeliveries());
}
