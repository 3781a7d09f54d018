import { existsSync, readFileSync } from 'node:fs';
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

interface PreloadHints {
  modules: string[];
  styles: string[];
  /** Reads that need the session. */
  data: string[];
  /** Reads anyone may make. */
  publicData: string[];
}

/**
 * The `Link` header of a navigation to a page of apps/web/first-load.mjs (the build writes the
 * files to preload-hints.json): the page's modules and styles and its public reads for everyone,
 * the reads that need a session for a signed-in visitor only (a stranger's would answer 401). The
 * browser fetches them while it reads the HTML instead of one round trip after another (#19).
 * Undefined for other paths.
 */
export function preloadLinks(hints: PreloadHints | undefined, signedIn: boolean): string | undefined {
  if (!hints) return undefined;
  // In the order the page needs them: styles block the first paint, the reads are small and
  // decide the largest, then the modules (on HTTP/1.1 the browser opens six connections a host).
  // `crossorigin` (anonymous) as the SPA's own requests have it — Vite adds its stylesheets with
  // `crossOrigin = ''`, the API client fetches `same-origin` — or the preload is not used.
  const reads = [...hints.publicData, ...(signedIn ? hints.data : [])];
  const links = [
    ...hints.styles.map((file) => `<${file}>; rel=preload; as=style; crossorigin`),
    ...reads.map((url) => `<${url}>; rel=preload; as=fetch; crossorigin`),
    ...hints.modules.map((file) => `<${file}>; rel=modulepreload`),
  ];
  return links.length > 0 ? links.join(', ') : undefined;
}

function readHints(root: string): Map<string, PreloadHints> {
  const file = path.join(root, 'preload-hints.json');
  if (!existsSync(file)) return new Map();
  return new Map(Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, PreloadHints>));
}

/** Serves the built SPA with a history fallback, so deep links such as /invoices/… load it. */
export default fp(
  async (app: FastifyInstance, { distDir, sessionCookie }: { distDir: string; sessionCookie: string }) => {
    const root = distDir ? path.resolve(distDir) : '';
    const enabled = root !== '' && existsSync(path.join(root, 'index.html'));
    const hints = enabled ? readHints(root) : new Map<string, PreloadHints>();
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
      const pathname = (request.url.split('?')[0] ?? '/').replace(/(.)\/+$/, '$1');
      const pageHints = hints.get(pathname);
      const link = preloadLinks(pageHints, Boolean(request.cookies?.[sessionCookie]));
      if (link) reply.header('link', link);
      // The header differs with the session cookie: no cache may hand one visitor's to another.
      if (pageHints) reply.header('vary', 'cookie');
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    });
  },
  { name: 'web' },
);
