import type { FastifyRateLimitOptions, FastifyRateLimitStore } from '@fastify/rate-limit';
import { lt, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { rateLimitCounters } from '../db/schema/index';

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;
type StoreCtor = new (options: FastifyRateLimitOptions) => FastifyRateLimitStore;

/**
 * A @fastify/rate-limit store keeping fixed-window counters in PostgreSQL, so that every API
 * instance counts against the same limit. One statement per throttled request: it starts a new
 * window when the old one has passed and otherwise adds one hit, atomically under the row lock.
 */
export function postgresRateLimitStore(db: Database): StoreCtor {
  // Keys known to be over their limit, until their window ends: a flood from one address is
  // then refused without a database write per request (every instance learns it on its first).
  const blocked = new Map<string, { until: number; current: number }>();
  class PostgresStore implements FastifyRateLimitStore {
    constructor(
      _options: FastifyRateLimitOptions,
      private readonly prefix = 'rl:',
    ) {}

    incr(key: string, callback: Callback, timeWindow: number, max?: number) {
      const fullKey = this.prefix + key;
      const now = Date.now();
      const known = blocked.get(fullKey);
      if (known && known.until > now) {
        known.current++;
        callback(null, { current: known.current, ttl: known.until - now });
        return;
      }
      if (known) blocked.delete(fullKey);
      incrementCounter(db, fullKey, timeWindow).then(
        (result) => {
          if (max !== undefined && result.current > max && result.ttl > 0) {
            if (blocked.size > 10_000) for (const [k, v] of blocked) if (v.until <= now) blocked.delete(k);
            blocked.set(fullKey, { until: now + result.ttl, current: result.current });
          }
          callback(null, result);
        },
        (error: Error) => callback(error),
      );
    }

    child(routeOptions: { method?: string | string[]; url?: string; routeInfo?: { method: string; url: string } }) {
      // One counter space per route, like the Redis store: `rl:POST/api/v1/auth/login:<ip>`.
      const route = routeOptions.routeInfo ?? { method: String(routeOptions.method), url: String(routeOptions.url) };
      return new PostgresStore({}, `${this.prefix}${route.method}${route.url}:`);
    }
  }
  return PostgresStore as unknown as StoreCtor;
}

export async function incrementCounter(db: Database, key: string, timeWindowMs: number) {
  const window = sql`make_interval(secs => ${timeWindowMs / 1000})`;
  const [row] = await db
    .insert(rateLimitCounters)
    .values({ key, hits: 1, expiresAt: sql`now() + ${window}` })
    .onConflictDoUpdate({
      target: rateLimitCounters.key,
      set: {
        hits: sql`case when ${rateLimitCounters.expiresAt} <= now() then 1 else ${rateLimitCounters.hits} + 1 end`,
        expiresAt: sql`case when ${rateLimitCounters.expiresAt} <= now() then now() + ${window} else ${rateLimitCounters.expiresAt} end`,
      },
    })
    .returning({
      hits: rateLimitCounters.hits,
      // A transaction that started a moment before the one that opened the window sees a few
      // microseconds more than the window; clamp, since a window never lasts longer than itself.
      ttlMs: sql<string>`least(${timeWindowMs}, greatest(0, ceil(extract(epoch from ${rateLimitCounters.expiresAt} - now()) * 1000)))`,
    });
  if (!row) throw new Error('rate-limit counter upsert returned nothing');
  return { current: row.hits, ttl: Number(row.ttlMs) };
}

/** Deletes counters whose window ended; run periodically (`ops.purge-rate-limits`). */
export async function purgeExpiredCounters(db: Database): Promise<number> {
  const deleted = await db
    .delete(rateLimitCounters)
    .where(lt(rateLimitCounters.expiresAt, sql`now() - interval '1 minute'`))
    .returning({ key: rateLimitCounters.key });
  return deleted.length;
}
