import { createHmac, timingSafeEqual } from 'node:crypto';
import { initTRPC } from '@trpc/server';
import { fastifyTRPCPlugin } from '@trpc/server/adapters/fastify';
import Fastify, { type FastifyRequest } from 'fastify';
import superjson from 'superjson';
import type { XeroDb } from '../../server/xero/xero-db';
import { createXeroModule } from '../../server/xero/module';
import type { SecretCipher } from '../../server/xero/secret-cipher';
import type { XeroViewer } from '../../server/xero/viewer';

/**
 * A host app that shares nothing with ours but the Xero module: its own tRPC instance, no auth library, no
 * SPA. A request is signed in when it carries `x-user: <userId>.<sessionId>.<hmac>`, signed with the host's
 * key. The lines between the region markers are the README's "Add Xero to your own tRPC app".
 */
export interface DropInHostOptions {
  db: XeroDb;
  cipher: SecretCipher;
  signingKey: string;
  people: Map<string, Omit<XeroViewer, 'userId' | 'sessionId'>>;
  xero: { clientId: string; clientSecret: string; redirectUri: string; identityUrl: string; apiUrl: string };
}

export function signedUserHeader(signingKey: string, userId: string, sessionId: string): string {
  const payload = `${userId}.${sessionId}`;
  return `${payload}.${createHmac('sha256', signingKey).update(payload).digest('base64url')}`;
}

export async function startDropInHost({ db, cipher, signingKey, people, xero: xeroSettings }: DropInHostOptions) {
  async function viewerOf(request: FastifyRequest): Promise<XeroViewer | null> {
    const [userId = '', sessionId = '', mac = ''] = String(request.headers['x-user'] ?? '').split('.');
    const expected = signedUserHeader(signingKey, userId, sessionId).split('.')[2] ?? '';
    if (mac.length !== expected.length || !timingSafeEqual(Buffer.from(mac), Buffer.from(expected))) return null;
    const person = people.get(userId);
    return person ? { userId, sessionId, ...person } : null;
  }
  const { clientId, clientSecret, redirectUri, identityUrl, apiUrl } = xeroSettings;

  // #region add-xero
  const xero = createXeroModule({ db, cipher, config: { clientId, clientSecret, redirectUri, identityUrl, apiUrl } });
  const t = initTRPC.context<{ xeroViewer: () => Promise<XeroViewer | null> }>().create({ transformer: superjson });
  const appRouter = t.router({ xero: xero.router });
  const app = Fastify();
  await app.register(fastifyTRPCPlugin<typeof appRouter>, {
    prefix: '/trpc',
    trpcOptions: { router: appRouter, createContext: ({ req }) => ({ xeroViewer: () => viewerOf(req) }) },
  });
  await xero.registerRoutes(app, viewerOf);
  // #endregion add-xero

  return { app, appRouter };
}

export type DropInRouter = Awaited<ReturnType<typeof startDropInHost>>['appRouter'];
