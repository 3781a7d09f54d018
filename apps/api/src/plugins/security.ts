import type { IncomingMessage, ServerResponse } from 'node:http';
import { availableParallelism } from 'node:os';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import helmet, { type HelmetOptions } from 'helmet';
import type { AppConfig } from '../config';
import { AppError } from '../lib/app-error';
import { clientKey } from '../throttling/client-address';
import { type Counters, createCounters } from '../throttling/counters';
import { createGlobalCeiling } from '../throttling/global-ceiling';
import { createTokenBucket, type TokenBucket } from '../throttling/token-bucket';
import { API_PREFIX } from './openapi';

declare module 'fastify' {
  interface FastifyInstance {
    /** The throttling counters every instance shares (ADR 0010). */
    counters: Counters;
    /** This instance's budget of password hashes a second for callers without a session (ADR 0007). */
    hashBudget: TokenBucket;
  }
}

/** Probes and metrics scrapes are not client traffic; everything else under /api counts. */
const UNCOUNTED = /^\/api\/v1\/health(\/|$|\?)/;

/**
 * The headers helmet sets for these options, computed once: helmet's middleware writes the same
 * values on every response, and @fastify/helmet rebuilt the middleware for every request
 * (≈ 3 % of the CPU of a small route). Nothing here varies per request (no CSP nonces: the SPA
 * has no inline script).
 */
export function securityHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: string | number) => {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader: () => {},
  };
  helmet(options)({} as IncomingMessage, response as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error;
  });
  return headers;
}

/**
 * The headers of every API answer (JSON, problems, files; ADR 0029-c), after OWASP's REST
 * Security Cheat Sheet: an answer of the API is never a document a browser renders, so its
 * policy denies everything, and the headers that only steer documents (opener policy, agent
 * cluster, DNS prefetch, legacy IE and Flash switches) are left to the SPA's pages. Fewer and
 * shorter headers on the hottest path (#19). Routes that hand out a file may narrow it further.
 * An answer is about a customer or their session: no shared cache (a proxy, a CDN) may keep it,
 * and the browser asks again each time, sending the ETag it holds (`private, no-cache`). Routes
 * with data that must not be stored at all — bank data, sessions, second factors — say `no-store`.
 */
export function apiSecurityHeaders(secure: boolean): Readonly<Record<string, string>> {
  return Object.freeze({
    'cache-control': 'private, no-cache',
    'content-security-policy': "default-src 'none'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    'cross-origin-resource-policy': 'same-origin',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    ...(secure ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
  });
}

/** Answers of the versioned API; everything else (the SPA, its assets, the API reference) is a document. */
const API_ANSWER = `${API_PREFIX}/`;

/**
 * Security headers for every answer and the throttling counters (route limits are enabled per
 * route through `registerRoute`). The SPA is built without inline script, so the policy needs no
 * 'unsafe-inline' for scripts. The counters live in PostgreSQL, so every API instance counts
 * against the same limit.
 */
export default fp(
  async (app: FastifyInstance, { config }: { config: AppConfig }) => {
    const documentHeaders = securityHeaders({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'none'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          ...(config.secureCookies ? { upgradeInsecureRequests: [] } : {}),
        },
      },
      // HSTS only means something, and is only safe to send, when we are served over HTTPS.
      strictTransportSecurity: config.secureCookies ? { maxAge: 31_536_000, includeSubDomains: true } : false,
      referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
      frameguard: { action: 'deny' },
      crossOriginEmbedderPolicy: false,
    });
    const apiHeaders = apiSecurityHeaders(config.secureCookies);
    app.addHook('onRequest', (request, reply, done) => {
      reply.headers(request.url.startsWith(API_ANSWER) ? apiHeaders : documentHeaders);
      done();
    });
    app.decorate('counters', createCounters(app.db));
    app.decorate(
      'hashBudget',
      createTokenBucket({
        ratePerSecond: config.PASSWORD_HASHES_PER_SECOND ?? Math.max(4, availableParallelism() * 13),
      }),
    );
    app.jobs.register({
      name: 'ops.purge-rate-limits',
      intervalMs: 10 * 60_000,
      run: async () => {
        const purged = await app.counters.purgeExpired();
        app.log.info({ job: 'ops.purge-rate-limits', purged }, 'purged expired throttling counters');
      },
    });

    // The global ceiling: all API requests of one client address, across every instance.
    const ceiling = createGlobalCeiling({
      counters: app.counters,
      max: config.GLOBAL_RATE_LIMIT_PER_MINUTE,
      windowMs: 60_000,
      syncMs: 1_000,
      log: app.log,
    });
    app.addHook('onClose', async () => ceiling.close());
    app.addHook('onRequest', (request, _reply, done) => {
      if (!request.url.startsWith('/api/') || UNCOUNTED.test(request.url)) return done();
      const verdict = ceiling.hit(clientKey(request.ip));
      if (verdict.allowed) return done();
      done(
        new AppError(
          'rate_limited',
          'Too many requests from this address.',
          {},
          {
            'retry-after': String(verdict.retryAfterSeconds),
          },
        ),
      );
    });
  },
  { name: 'security', dependencies: ['database', 'jobs'] },
);
