import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { Counter, collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import type { AppConfig } from '../config';
import { hashesStarted } from '../lib/password';
import { RequestDurations } from './request-durations';

declare module 'fastify' {
  interface FastifyInstance {
    metrics: { registry: Registry; contentType: string; render(): Promise<string> };
  }
}

/** What node-postgres' Pool reports; PGlite has no pool. */
interface PoolLike {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

function asPool(client: unknown): PoolLike | undefined {
  const pool = client as Partial<PoolLike> | undefined;
  return typeof pool?.totalCount === 'number' ? (pool as PoolLike) : undefined;
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Prometheus metrics: request rate and latency per route pattern, the PDF renderer's queue and
 * the database pool, plus Node's defaults. GET /metrics on the main port needs
 * `Authorization: Bearer METRICS_TOKEN` (404 without a configured token); with METRICS_PORT the
 * server also serves them without a token on that port, meant for the internal network only.
 */
export default fp(
  async (app: FastifyInstance, { config }: { config: AppConfig }) => {
    const registry = new Registry();
    collectDefaultMetrics({ register: registry });

    const duration = new RequestDurations({
      help: 'Time from receiving a request to sending its answer, by route pattern.',
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    });
    registry.registerMetric(duration.asMetric());
    // Each answer is observed once, in the histogram; the request counter is its `_count`, copied
    // when metrics are scraped — a second series updated on every request costs a label hash more (#19).
    new Counter({
      name: 'http_requests_total',
      help: 'HTTP requests answered, by method, route pattern and status code.',
      labelNames: ['method', 'route', 'status_code'] as const,
      registers: [registry],
      async collect() {
        this.reset();
        for (const { metricName, labels, value } of (await duration.get()).values) {
          if (metricName === 'http_request_duration_seconds_count' && value > 0) this.inc(labels, value);
        }
      },
    });
    new Gauge({
      name: 'portal_pdf_renders_active',
      help: 'PDFs being rendered right now.',
      registers: [registry],
      collect() {
        this.set(app.pdf.stats().active);
      },
    });
    new Gauge({
      name: 'portal_pdf_queue_length',
      help: 'PDF renders waiting for a free page.',
      registers: [registry],
      collect() {
        this.set(app.pdf.stats().queued);
      },
    });
    const pool = asPool((app.db as unknown as { $client?: unknown }).$client);
    new Gauge({
      name: 'portal_db_pool_connections',
      help: 'Database pool connections by state: total, idle, and requests waiting for one.',
      labelNames: ['state'] as const,
      registers: [registry],
      collect() {
        if (!pool) return;
        this.set({ state: 'total' }, pool.totalCount);
        this.set({ state: 'idle' }, pool.idleCount);
        this.set({ state: 'waiting' }, pool.waitingCount);
      },
    });

    new Gauge({
      name: 'portal_session_cache',
      help: 'Session cache (ADR 0025-d): entries held, and whether it is in use (1) or bypassed because LISTEN is down (0).',
      labelNames: ['measure'] as const,
      registers: [registry],
      collect() {
        if (!app.sessionCache) return;
        this.set({ measure: 'entries' }, app.sessionCache.size);
        this.set({ measure: 'listening' }, app.sessionCache.usable ? 1 : 0);
      },
    });

    new Counter({
      name: 'portal_password_hashes_total',
      help: 'Password hashes started, by lane (ADR 0029-e): idle (SCHED_IDLE threads) or fallback (run again there, or at once, when the machine had no idle time).',
      labelNames: ['lane'] as const,
      registers: [registry],
      collect() {
        this.reset();
        for (const [lane, count] of Object.entries(hashesStarted())) this.inc({ lane }, count);
      },
    });

    app.addHook('onResponse', (request, reply, done) => {
      // The route pattern, never the raw URL, so labels stay few; unknown paths share one label.
      duration.observe(
        request.method,
        request.routeOptions.url ?? 'unmatched',
        reply.statusCode,
        reply.elapsedTime / 1000,
      );
      done();
    });

    app.decorate('metrics', {
      registry,
      contentType: registry.contentType,
      render: () => registry.metrics(),
    });

    app.get('/metrics', { schema: { hide: true } }, async (request: FastifyRequest, reply: FastifyReply) => {
      const header = request.headers.authorization ?? '';
      const token = header.startsWith('Bearer ') ? header.slice(7) : '';
      if (!config.METRICS_TOKEN || !sameToken(token, config.METRICS_TOKEN)) {
        // Without the token /metrics looks like any unknown path.
        return reply.callNotFound();
      }
      reply.header('cache-control', 'no-store').type(registry.contentType);
      return registry.metrics();
    });
  },
  { name: 'metrics', dependencies: ['database', 'pdf', 'auth'] },
);
