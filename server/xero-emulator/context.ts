import type { RateLimiter } from './api/rate-limiter';
import type { FaultQueue } from './api/faults';
import type { Clock } from './clock';
import type { AuthorizationServer } from './identity/authorization-server';
import type { TokenSigner } from './identity/tokens';
import type { OrganisationRecord } from './model';
import type { ResolvedOptions } from './options';
import type { WebhookSender } from './webhooks/webhook-sender';

/** Everything the emulator's routes share; one per running emulator. */
export interface EmulatorContext {
  options: ResolvedOptions;
  clock: Clock;
  signer: TokenSigner;
  authorization: AuthorizationServer;
  organisations: OrganisationRecord[];
  limiter: RateLimiter;
  faults: FaultQueue;
  apiCallsByTenant: Map<string, number>;
  webhooks: WebhookSender;
}

export function findOrganisation(context: EmulatorContext, tenantId: string): OrganisationRecord | undefined {
  return context.organisations.find((organisation) => organisation.tenantId === tenantId);
}
