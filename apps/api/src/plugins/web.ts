import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

declare module 'fastify' {
  interface FastifyInstance {
    /** Answers a browser's navigation to a client-side route with the SPA, if one is served. */
    serveSpa(request: FastifyRequest, reply: FastifyReply): FastifyReply | null;
  }
}

/** Serves the built SPA with a history fallback, so deep links such as /invoices/… load it. */
export default fp(
  async (app: FastifyInstance, { distDir }: { distDir: string }) => {
    const root = distDir ? path.resolve(distDir) : '';
    const enabled = root !== '' && existsSync(path.join(root, 'index.html'));
    if (enabled) {
      await app.register(fastifyStatic, {
        root,
        wildcard: false,
        index: false,
        // The build writes .br/.gz beside each asset (apps/web/scripts/precompress.mjs).
        preCompressed: true,
        // Vite fingerprints everything under assets/: cache it forever, never index.html.
        setHeaders: (res, filePath) => {
          const immutable = filePath.includes(`${path.sep}assets${path.sep}`);
          res.setHeader('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
        },
      });
      app.log.info({ root }, 'serving the SPA');
    }
    app.decorate('serveSpa', (request: FastifyRequest, reply: FastifyReply) => {
      const isNavigation =
        (request.method === 'GET' || request.method === 'HEAD') &&
        !request.url.startsWith('/api/') &&
        !path.extname(request.url.split('?')[0] ?? '');
      if (!enabled || !isNavigation) return null;
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    });
  },
  { name: 'web' },
);
