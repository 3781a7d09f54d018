import { sql } from 'drizzle-orm';
import type { Redis } from 'ioredis';
import type { Database } from '../db/client';

export interface CounterState {
  /** Hits in the current window. */
  current: number;
  /** Milliseconds until the window ends (0: no window open). */
  ttlMs: number;
}

/**
 * Fixed-window counters shared by every API instance, for the throttles that @fastify/rate-limit
 * cannot express (failures only, batched counting). PostgreSQL's `rate_limit_counters` table by
 * default, Redis with REDIS_URL — the same places the route limits count in.
 */
export interface ThrottleCounters {
  /** Adds `amount` to each key (opening a window of `windowMs` where none is open); one round trip. */
  add(entries: ReadonlyArray<{ key: string; amount: number }>, windowMs: number): Promise<CounterState[]>;
  /** Takes one hit back, e.g. for an attempt that turned out not to count. Never below zero. */
  subtract(key: string): Promise<void>;
}

export function postgresThrottleCounters(db: Database): ThrottleCounters {
  return {
    async add(entries, windowMs) {
      if (entries.length === 0) return [];
      const keys = sql.join(
        entries.map((entry) => sql`${entry.key}`),
        sql`, `,
      );
      const amounts = sql.join(
        entries.map((entry) => sql`${entry.amount}`),
        sql`, `,
      );
      const window = sql`make_interval(secs => ${windowMs / 1000})`;
      // One statement for the whole batch; `ord` keeps the answers in the order of the entries.
      const result = await db.execute(sql`
        with input as (
          select * from unnest(array[${keys}]::text[], array[${amounts}]::int[]) with ordinality as t(key, amount, ord)
        ), upserted as (
          insert into rate_limit_counters as c (key, hits, expires_at)
          select key, amount, now() + ${window} from input
          on conflict (key) do update set
            hits = case when c.expires_at <= now() then excluded.hits else c.hits + excluded.hits end,
            expires_at = case when c.expires_at <= now() then excluded.expires_at else c.expires_at end
          returning c.key, c.hits,
            greatest(0, ceil(extract(epoch from c.expires_at - now()) * 1000))::bigint as ttl_ms
        )
        select u.hits, u.ttl_ms from input i join upserted u using (key) order by i.ord`);
      const rows = (result as unknown as { rows: Array<{ hits: number; ttl_ms: string }> }).rows;
      return rows.map((row) => ({ current: Number(row.hits), ttlMs: Number(row.ttl_ms) }));
    },
    async subtract(key) {
      await db.execute(
        sql`update rate_limit_counters set hits = greatest(hits - 1, 0) where key = ${key} and expires_at > now()`,
      );
    },
  };
}

// INCRBY, then open the window if the key has none; answers the count and the time left.
const ADD_SCRIPT = `
local current = redis.call('INCRBY', KEYS[1], ARGV[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[2]); ttl = tonumber(ARGV[2]) end
return {current, ttl}`;
const SUBTRACT_SCRIPT = `
if redis.call('GET', KEYS[1]) and tonumber(redis.call('GET', KEYS[1])) > 0 then redis.call('DECR', KEYS[1]) end
return 0`;

export function redisThrottleCounters(redis: Redis, prefix = 'portal-rl:'): ThrottleCounters {
  return {
    async add(entries, windowMs) {
      if (entries.length === 0) return [];
      const pipeline = redis.pipeline();
      for (const entry of entries) pipeline.eval(ADD_SCRIPT, 1, prefix + entry.key, entry.amount, windowMs);
      const results = (await pipeline.exec()) ?? [];
      return results.map(([error, value]) => {
        if (error) throw error;
        const [current, ttl] = value as [number, number];
        return { current: Number(current), ttlMs: Number(ttl) };
      });
    },
    async subtract(key) {
      await redis.eval(SUBTRACT_SCRIPT, 1, prefix + key);
    },
  };
}
