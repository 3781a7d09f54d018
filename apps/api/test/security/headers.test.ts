import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../app';
import { createCustomer, signedInCustomer, TEST_PASSWORD } from '../factories';

/**
 * Security headers on every kind of answer (API JSON, problems, the SPA's index.html and assets,
 * binary downloads, the API reference) and the session cookie's attributes, over plain HTTP
 * (local use) and behind HTTPS (production).
 */

// A built SPA stand-in: index.html loading a fingerprinted module, as `vite build` writes it.
const distDir = mkdtempSync(path.join(tmpdir(), 'portal-headers-'));
mkdirSync(path.join(distDir, 'assets'));
writeFileSync(
  path.join(distDir, 'index.html'),
  '<!doctype html><html><head><script type="module" crossorigin src="/assets/index-abc123.js"></script></head><body><div id="root"></div></body></html>',
);
writeFileSync(path.join(distDir, 'assets', 'index-abc123.js'), 'console.log(1);');
writeFileSync(path.join(distDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
afterAll(() => rmSync(distDir, { recursive: true, force: true }));

const http = useTestApp({ WEB_DIST_DIR: distDir, BODY_LIMIT_BYTES: '4096' });
const https = useTestApp({ WEB_DIST_DIR: distDir, PUBLIC_URL: 'https://portal.example.com' });

type Headers = Record<string, string | string[] | number | undefined>;

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name as string, values]),
  );
}

/** What every answer carries, whatever produced it. */
function expectBaseline(headers: Headers, label: string) {
  expect(headers['x-content-type-options'], label).toBe('nosniff');
  expect(headers['x-frame-options'], label).toBe('DENY');
  expect(headers['referrer-policy'], label).toBe('strict-origin-when-cross-origin');
  expect(headers['x-powered-by'], label).toBeUndefined();
  expect(headers.server, label).toBeUndefined();
  const csp = directives(String(headers['content-security-policy'] ?? ''));
  expect(csp.get('frame-ancestors'), label).toEqual(["'none'"]);
  const scripts = csp.get('script-src') ?? csp.get('default-src');
  expect(scripts, label).toBeDefined();
  expect(scripts, label).not.toContain("'unsafe-inline'");
  expect(scripts, label).not.toContain("'unsafe-eval'");
  expect(scripts, label).not.toContain('*');
  expect(csp.get('object-src'), label).toEqual(["'none'"]);
}

/**
 * An API answer is never a document (ADR 0029-c): its policy denies everything, and it leaves
 * out the headers that only steer documents.
 */
function expectApiPolicy(headers: Headers, label: string) {
  const csp = directives(String(headers['content-security-policy']));
  expect(csp.get('default-src'), label).toEqual(["'none'"]);
  expect(csp.get('base-uri'), label).toEqual(["'none'"]);
  expect(
    [...csp.keys()].filter((name) => name.endsWith('-src') && name !== 'default-src' && name !== 'object-src'),
    label,
  ).toEqual([]);
  expect(headers['cross-origin-resource-policy'], label).toBe('same-origin');
  expect(headers['cross-origin-opener-policy'], label).toBeUndefined();
}

/** The portal's own policy for its pages (not the docs page's): everything from our origin only. */
function expectStrictPolicy(headers: Headers, label: string) {
  const csp = directives(String(headers['content-security-policy']));
  expect(csp.get('default-src'), label).toEqual(["'self'"]);
  expect(csp.get('script-src'), label).toEqual(["'self'"]);
  expect(csp.get('style-src'), label).toEqual(["'self'"]);
  expect(csp.get('base-uri'), label).toEqual(["'none'"]);
  expect(csp.get('form-action'), label).toEqual(["'self'"]);
}

describe('security headers over HTTP', () => {
  const answers = async () => {
    const { app } = http;
    return {
      'API JSON': await app.inject({ url: '/api/v1/health' }),
      'OpenAPI document': await app.inject({ url: '/api/v1/openapi.json' }),
      '401 problem': await app.inject({ url: '/api/v1/me' }),
      '404 problem (unknown API route)': await app.inject({ url: '/api/v1/no-such-route' }),
      '400 problem (invalid body)': await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: 1 },
      }),
      '400 problem (broken JSON)': await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'content-type': 'application/json' },
        payload: '{"email":',
      }),
      '413 problem': await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: 'x'.repeat(5000) },
      }),
      '415 problem': await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'content-type': 'text/xml' },
        payload: '<a/>',
      }),
      'malformed URL': await app.inject({ url: '/api/v1/tickets/%E0%A4%A' }),
      'over-long path parameter': await app.inject({ url: `/api/v1/tickets/${'1'.repeat(300)}` }),
      'SPA index.html': await app.inject({ url: '/' }),
      'SPA deep link': await app.inject({ url: '/rechnungen/123' }),
      'static asset': await app.inject({ url: '/assets/index-abc123.js' }),
      'static file': await app.inject({ url: '/favicon.svg' }),
      'missing asset': await app.inject({ url: '/assets/missing.js' }),
    };
  };

  it('sends nosniff, frame denial, referrer policy and a strict CSP on every kind of answer — deny-all for the API — and no HSTS', async () => {
    const all = await answers();
    expect(all['SPA index.html'].statusCode).toBe(200);
    expect(all['SPA index.html'].headers['content-type']).toContain('text/html');
    expect(all['static asset'].statusCode).toBe(200);
    expect(all['413 problem'].statusCode).toBe(413);
    expect(all['415 problem'].statusCode).toBe(415);
    expect(all['malformed URL'].statusCode).toBe(400);
    expect(all['over-long path parameter'].statusCode).toBe(400);
    for (const [label, response] of Object.entries(all)) {
      expectBaseline(response.headers, label);
      // Everything below /api/v1/ is an API answer, router errors (before any hook) included.
      if (label.startsWith('SPA') || label.startsWith('static') || label === 'missing asset') {
        expectStrictPolicy(response.headers, label);
        expect(response.headers['cross-origin-opener-policy'], label).toBe('same-origin');
      } else {
        expectApiPolicy(response.headers, label);
      }
      // HSTS over plain HTTP would lock browsers out of a local portal; it is for HTTPS only.
      expect(response.headers['strict-transport-security'], label).toBeUndefined();
      if (response.statusCode >= 400)
        expect(response.headers['content-type'], label).toContain('application/problem+json');
    }
  });

  it('keeps a customer’s answers out of shared caches; the browser revalidates them, and private data is not stored at all', async () => {
    const { app, db } = http;
    const { cookie } = await signedInCustomer(app, db);
    for (const url of ['/api/v1/me', '/api/v1/invoices', '/api/v1/products', '/api/v1/no-such-route']) {
      const response = await app.inject({ url, headers: { cookie } });
      const directives = String(response.headers['cache-control']).split(/,\s*/);
      expect(directives, url).toContain('private');
      expect(directives, url).toContain('no-cache');
    }
    // Sessions, bank data and second factors keep their own, stricter rule.
    const sessions = await app.inject({ url: '/api/v1/account/sessions', headers: { cookie } });
    expect(sessions.statusCode).toBe(200);
    expect(sessions.headers['cache-control']).toBe('no-store');
  });

  it('keeps the session cookie away from scripts and other sites', async () => {
    const user = await createCustomer(http.db);
    const response = await http.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email, password: TEST_PASSWORD },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const [cookie] = response.cookies;
    expect(cookie?.name).toBe('portal_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    expect(cookie?.path).toBe('/');
    expect(cookie?.domain).toBeUndefined();
  });

  it('gives the API reference its own policy: scripts only from itself, no inline script', async () => {
    const response = await http.app.inject({ url: '/api/docs/' });
    expect(response.statusCode).toBe(200);
    expectBaseline(response.headers, 'docs');
    const csp = directives(String(response.headers['content-security-policy']));
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('script-src-attr')).toEqual(["'none'"]);
    // Images only from itself: no third-party validator badge that would leak the document's URL.
    expect(csp.get('img-src')).toEqual(["'self'", 'data:']);
    // Over plain HTTP the page must not upgrade its own requests to HTTPS.
    expect(csp.has('upgrade-insecure-requests')).toBe(false);
    const html = response.body;
    // The page itself carries no inline script (which the policy would block anyway).
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
  });

  it('builds the SPA without inline script, so its policy needs no unsafe-inline', () => {
    const source = readFileSync(path.resolve(__dirname, '../../../web/index.html'), 'utf8');
    expect(source).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
    expect(source).not.toMatch(/\son[a-z]+=/i);
  });
});

describe('security headers over HTTPS', () => {
  it('adds HSTS to API answers, errors, the SPA and the docs, and upgrade-insecure-requests to the documents', async () => {
    const { app } = https;
    const responses = {
      api: await app.inject({ url: '/api/v1/health' }),
      problem: await app.inject({ url: '/api/v1/me' }),
      spa: await app.inject({ url: '/' }),
      asset: await app.inject({ url: '/assets/index-abc123.js' }),
      docs: await app.inject({ url: '/api/docs/' }),
    };
    for (const [label, response] of Object.entries(responses)) {
      expectBaseline(response.headers, label);
      const hsts = String(response.headers['strict-transport-security']);
      expect(Number(/max-age=(\d+)/.exec(hsts)?.[1]), label).toBeGreaterThanOrEqual(31_536_000);
      expect(hsts, label).toContain('includeSubDomains');
      // A deny-all policy loads nothing, so there is nothing to upgrade.
      expect(
        directives(String(response.headers['content-security-policy'])).has('upgrade-insecure-requests'),
        label,
      ).toBe(!['api', 'problem'].includes(label));
    }
  });

  it('marks the session cookie Secure with the __Host- prefix', async () => {
    const user = await createCustomer(https.db);
    const response = await https.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email, password: TEST_PASSWORD },
    });
    expect(response.statusCode).toBe(200);
    const [cookie] = response.cookies;
    expect(cookie?.name).toBe('__Host-portal_session');
    expect(cookie?.secure).toBe(true);
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.path).toBe('/');
    expect(cookie?.domain).toBeUndefined();
  });
});
