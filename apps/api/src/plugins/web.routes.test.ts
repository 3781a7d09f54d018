import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/app';
import { signedInCustomer } from '../../test/factories';
import { preloadLinks } from './web';

// A built SPA stand-in with the preload hints the build writes (apps/web/vite.config.ts).
const distDir = mkdtempSync(path.join(tmpdir(), 'portal-web-'));
mkdirSync(path.join(distDir, 'assets'));
writeFileSync(path.join(distDir, 'index.html'), '<!doctype html><html><body><div id="root"></div></body></html>');
writeFileSync(
  path.join(distDir, 'preload-hints.json'),
  JSON.stringify({
    '/invoices': {
      modules: ['/assets/invoices-route-abc.js'],
      styles: ['/assets/invoices-abc.css'],
      data: ['/api/v1/me', '/api/v1/invoices'],
      publicData: ['/api/v1/provider'],
    },
  }),
);
afterAll(() => rmSync(distDir, { recursive: true, force: true }));

const ctx = useTestApp({ WEB_DIST_DIR: distDir });

describe('preload hints of a first load (#19)', () => {
  it('names styles, public reads and modules for everyone, the reads of a session only with its cookie', () => {
    const hints = {
      modules: ['/assets/a.js'],
      styles: ['/assets/a.css'],
      data: ['/api/v1/me'],
      publicData: ['/api/v1/provider'],
    };
    const style = '</assets/a.css>; rel=preload; as=style; crossorigin';
    const provider = '</api/v1/provider>; rel=preload; as=fetch; crossorigin';
    const module = '</assets/a.js>; rel=modulepreload';
    expect(preloadLinks(hints, false)).toBe([style, provider, module].join(', '));
    expect(preloadLinks(hints, true)).toBe(
      [style, provider, '</api/v1/me>; rel=preload; as=fetch; crossorigin', module].join(', '),
    );
    expect(preloadLinks(undefined, true)).toBeUndefined();
    expect(preloadLinks({ modules: [], styles: [], data: ['/api/v1/me'], publicData: [] }, false)).toBeUndefined();
  });

  it('answers a signed-in navigation to a listed page with its modules and API reads in Link', async () => {
    const { cookie } = await signedInCustomer(ctx.app, ctx.db);
    const page = await ctx.app.inject({ url: '/invoices', headers: { cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.headers.vary).toContain('cookie');
    const link = String(page.headers.link);
    expect(link).toContain('</assets/invoices-route-abc.js>; rel=modulepreload');
    expect(link).toContain('</assets/invoices-abc.css>; rel=preload; as=style; crossorigin');
    expect(link).toContain('</api/v1/me>; rel=preload; as=fetch; crossorigin');
    expect(link).toContain('</api/v1/invoices>; rel=preload; as=fetch; crossorigin');
    expect(link).toContain('</api/v1/provider>; rel=preload; as=fetch; crossorigin');
    // A trailing slash and a query name the same page.
    expect(String((await ctx.app.inject({ url: '/invoices/?status=open', headers: { cookie } })).headers.link)).toBe(
      link,
    );
  });

  it('sends no API reads to a stranger, and no Link for a page that is not listed', async () => {
    const stranger = await ctx.app.inject({ url: '/invoices' });
    expect(String(stranger.headers.link)).toContain('rel=modulepreload');
    expect(String(stranger.headers.link)).toContain('</api/v1/provider>');
    expect(String(stranger.headers.link)).not.toContain('/api/v1/me');
    expect(String(stranger.headers.link)).not.toContain('/api/v1/invoices');
    expect((await ctx.app.inject({ url: '/tickets' })).headers.link).toBeUndefined();
  });
});
