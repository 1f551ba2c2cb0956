import { z } from 'zod';

/** One event of a delivery: what changed, where, and when. Xero sends no record body; we fetch it. */
const webhookEvent = z.object({
  resourceUrl: z.string().max(2048),
  resourceId: z.uuid(),
  eventDateUtc: z.iso.datetime({ offset: true, local: true }),
  eventType: z.string().max(32),
  eventCategory: z.string().max(32),
  tenantId: z.uuid(),
  tenantType: z.string().max(32),
});

export const webhookPayload = z.object({
  events: z.array(webhookEvent).max(10_000),
  firstEventSequence: z.number().int(),
  lastEventSequence: z.number().int(),
  entropy: z.string().max(200),
});

export type WebhookPayload = z.infer<typeof webhookPayload>;
export type WebhookEvent = WebhookPayload['events'][number];
