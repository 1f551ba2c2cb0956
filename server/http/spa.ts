import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Paths that belong to the server; an unknown one is a 404, never the SPA's index.html. */
const serverPrefixes = ['/trpc', '/api', '/xero', '/healthz'];

function isServerPath(url: string): boolean {
  const path = url.split('?')[0] ?? '';
  return serverPrefixes.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

/** Source maps would hand out our sources; the build keeps them for debugging, production never serves them. */
function isSourceMap(url: string): boolean {
  return (url.split('?')[0] ?? '').endsWith('.map');
}

export interface SpaOptions {
  /** The built SPA's folder, or null to serve the API alone. */
  spaDir: string | null;
  serveSourceMaps: boolean;
}

export async function registerSpa(app: FastifyInstance, { spaDir, serveSourceMaps }: SpaOptions): Promise<void> {
  const hasSpa = spaDir !== null && existsSync(join(spaDir, 'index.html'));
  if (hasSpa) {
    await app.register(fastifyStatic, {
      root: spaDir,
      wildcard: false,
      index: false,
      cacheControl: false,
      allowedPath: (path) => serveSourceMaps || !isSourceMap(path),
      // Hashed assets never change; index.html must always be revalidated to pick up a new build.
      setHeaders(res, path) {
        res.setHeader('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const wantsPage = request.method === 'GET' || request.method === 'HEAD';
    if (hasSpa && wantsPage && !isServerPath(request.url) && !isSourceMap(request.url)) {
      return reply.header('cache-control', 'no-cache').type('text/html').sendFile('index.html');
    }
    return reply.code(404).send({ error: 'Not found' });
  });
}
