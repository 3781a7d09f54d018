import { sql } from 'drizzle-orm';
import type { Database } from '../db/client';

export interface CounterState {
  /** Hits in the current window (0: no window open). */
  current: number;
  /** Milliseconds until the window ends (0: no window open). */
  ttlMs: number;
}

export interface LimitVerdict {
  allowed: boolean;
  current: number;
  /** Whole seconds until the window ends, at least 1: the `Retry-After` of a refusal. */
  retryAfterSeconds: number;
}

/**
 * The one throttling primitive: fixed-window counters in PostgreSQL's `rate_limit_counters`,
 * shared by every API instance (ADR 0010). Route limits, the global ceiling and the sign-in
 * throttle all count through it.
 */
export interface Counters {
  /** Adds `amount` to each key, opening a window of `windowMs` where none is open; one statement. */
  add(entries: ReadonlyArray<{ key: string; amount: number }>, windowMs: number): Promise<CounterState[]>;
  /**
   * Counts one hit against `max`. A key known to be over its limit is refused from memory until
   * its window ends, so a flood from one client costs no write per request.
   */
  hit(key: string, limit: { max: number; windowMs: number }): Promise<LimitVerdict>;
  /** Reads without counting. */
  peek(keys: readonly string[]): Promise<CounterState[]>;
  /** Takes one hit back from each key, e.g. an attempt that turned out not to count; never below zero. */
  subtract(keys: readonly string[]): Promise<void>;
  /** Deletes every counter whose key starts with `prefix`. */
  clear(prefix: string): Promise<void>;
  /** Deletes counters whose window ended more than a minute ago (the `ops.purge-rate-limits` job). */
  purgeExpired(): Promise<number>;
}

type Rows<T> = { rows: T[] };
const rowsOf = <T>(result: unknown) => (result as Rows<T>).rows;
const textArray = (values: readonly string[]) =>
  sql`array[${sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  )}]::text[]`;

export const retryAfterSeconds = (ttlMs: number) => String(Math.max(1, Math.ceil(ttlMs / 1000)));

export function createCounters(db: Database): Counters {
  // Keys known to be over their limit, until their window ends (per instance).
  const over = new Map<string, { until: number; current: number }>();

  const add: Counters['add'] = async (entries, windowMs) => {
    if (entries.length === 0) return [];
    const amounts = sql.join(
      entries.map((entry) => sql`${entry.amount}`),
      sql`, `,
    );
    const window = sql`make_interval(secs => ${windowMs / 1000})`;
    // One statement for the whole batch; `ord` keeps the answers in the order of the entries.
    // A transaction that started a moment before the one that opened the window sees a few
    // microseconds more than the window; the ttl is clamped, as a window never outlasts itself.
    const result = await db.execute(sql`
      with input as (
        select * from unnest(${textArray(entries.map((entry) => entry.key))}, array[${amounts}]::int[])
          with ordinality as t(key, amount, ord)
      ), upserted as (
        insert into rate_limit_counters as c (key, hits, expires_at)
        select key, amount, now() + ${window} from input
        on conflict (key) do update set
          hits = case when c.expires_at <= now() then excluded.hits else c.hits + excluded.hits end,
          expires_at = case when c.expires_at <= now() then excluded.expires_at else c.expires_at end
        returning c.key, c.hits,
          least(${windowMs}, greatest(0, ceil(extract(epoch from c.expires_at - now()) * 1000)))::bigint as ttl_ms
      )
      select u.hits, u.ttl_ms from input i join upserted u using (key) order by i.ord`);
    return rowsOf<{ hits: number; ttl_ms: string }>(result).map((row) => ({
      current: Number(row.hits),
      ttlMs: Number(row.ttl_ms),
    }));
  };

  return {
    add,
    async hit(key, limit) {
      const now = Date.now();
      const known = over.get(key);
      if (known && known.until > now) {
        known.current++;
        return { allowed: false, current: known.current, retryAfterSeconds: Math.ceil((known.until - now) / 1000) };
      }
      if (known) over.delete(key);
      const [state = { current: 1, ttlMs: limit.windowMs }] = await add([{ key, amount: 1 }], limit.windowMs);
      const allowed = state.current <= limit.max;
      if (!allowed && state.ttlMs > 0) {
        if (over.size > 10_000) for (const [k, v] of over) if (v.until <= now) over.delete(k);
        over.set(key, { until: now + state.ttlMs, current: state.current });
      }
      return { allowed, current: state.current, retryAfterSeconds: Number(retryAfterSeconds(state.ttlMs)) };
    },
    async peek(keys) {
      if (keys.length === 0) return [];
      const result = await db.execute(sql`
        select c.hits, greatest(0, ceil(extract(epoch from c.expires_at - now()) * 1000))::bigint as ttl_ms
        from unnest(${textArray(keys)}) with ordinality as t(key, ord)
        left join rate_limit_counters c on c.key = t.key and c.expires_at > now()
        order by t.ord`);
      return rowsOf<{ hits: number | null; ttl_ms: string | null }>(result).map((row) => ({
        current: Number(row.hits ?? 0),
        ttlMs: Number(row.ttl_ms ?? 0),
      }));
    },
    async subtract(keys) {
      if (keys.length === 0) return;
      await db.execute(sql`
        update rate_limit_counters set hits = greatest(hits - 1, 0)
        where key = any(${textArray(keys)}) and expires_at > now()`);
    },
    async clear(prefix) {
      for (const key of over.keys()) if (key.startsWith(prefix)) over.delete(key);
      await db.execute(sql`delete from rate_limit_counters where starts_with(key, ${prefix})`);
    },
    async purgeExpired() {
      const result = await db.execute(
        sql`delete from rate_limit_counters where expires_at < now() - interval '1 minute' returning key`,
      );
      return rowsOf(result).length;
    },
  };
}
