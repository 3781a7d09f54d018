import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { Redis } from 'ioredis';
import type { AppConfig } from '../config';
import { AppError } from '../lib/app-error';
import { createGlobalCeiling } from '../ops/global-ceiling';
import { postgresRateLimitStore, purgeExpiredCounters } from '../ops/rate-limit-store';
import { postgresThrottleCounters, redisThrottleCounters, type ThrottleCounters } from '../ops/throttle-counters';

declare module 'fastify' {
  interface FastifyInstance {
    /** Shared counters for throttles beyond @fastify/rate-limit (e.g. failed sign-ins per account). */
    throttleCounters: ThrottleCounters;
  }
}

/** Probes and metrics scrapes are not client traffic; everything else under /api counts. */
const UNCOUNTED = /^\/api\/v1\/health(\/|$|\?)/;

/**
 * Security headers for every answer and the rate limiter (off by default, enabled per route).
 * The SPA is built without inline script, so the policy needs no 'unsafe-inline' for scripts.
 * Throttling counters live in PostgreSQL (or Redis with REDIS_URL), so every API instance counts
 * against the same limit.
 */
export default fp(
  async (app: FastifyInstance, { config }: { config: AppConfig }) => {
    await app.register(helmet, {
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
    if (config.REDIS_URL) {
      // Fail fast while Redis is away instead of queueing requests behind a reconnect.
      const redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 1, connectTimeout: 2_000 });
      redis.on('error', (error) => app.log.warn({ err: error }, 'redis connection error'));
      app.addHook('onClose', async () => {
        redis.disconnect();
      });
      await app.register(rateLimit, { global: false, redis, nameSpace: 'portal-rl:' });
      app.decorate('throttleCounters', redisThrottleCounters(redis));
    } else {
      app.decorate('throttleCounters', postgresThrottleCounters(app.db));
      await app.register(rateLimit, { global: false, store: postgresRateLimitStore(app.db) });
      app.jobs.register({
        name: 'ops.purge-rate-limits',
        intervalMs: 10 * 60_000,
        run: async (db) => {
          const purged = await purgeExpiredCounters(db);
          app.log.info({ job: 'ops.purge-rate-limits', purged }, 'purged expired throttling counters');
        },
      });
    }

    // The global ceiling: all API requests of one client address, across every instance.
    const ceiling = createGlobalCeiling({
      counters: app.throttleCounters,
      max: config.GLOBAL_RATE_LIMIT_PER_MINUTE,
      windowMs: 60_000,
      syncMs: 1_000,
      log: app.log,
    });
    app.addHook('onClose', async () => ceiling.close());
    app.addHook('onRequest', async (request) => {
      if (!request.url.startsWith('/api/') || UNCOUNTED.test(request.url)) return;
      const verdict = ceiling.hit(request.ip);
      if (!verdict.allowed) {
        throw new AppError(
          'rate_limited',
          'Too many requests from this address.',
          {},
          {
            'retry-after': String(verdict.retryAfterSeconds),
          },
        );
      }
    });
  },
  { name: 'security', dependencies: ['database', 'jobs'] },
);
