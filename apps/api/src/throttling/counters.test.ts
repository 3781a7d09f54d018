import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/app';
import { createCounters } from './counters';

const ctx = useTestApp();
const uniqueKey = () => `test:${Math.random()}`;
const hitsOf = async (key: string) =>
  (
    (await ctx.db.execute(sql`select hits from rate_limit_counters where key = ${key}`)) as unknown as {
      rows: Array<{ hits: number }>;
    }
  ).rows.map((row) => Number(row.hits));

describe('throttling counters', () => {
  it('counts hits in a fixed window, concurrently without losing any', async () => {
    const counters = createCounters(ctx.db);
    const key = uniqueKey();
    const results = await Promise.all(Array.from({ length: 20 }, () => counters.add([{ key, amount: 1 }], 60_000)));
    expect(results.map(([state]) => state?.current).sort((a = 0, b = 0) => a - b)).toEqual(
      Array.from({ length: 20 }, (_, index) => index + 1),
    );
    for (const [state] of results) {
      expect(state?.ttlMs).toBeGreaterThan(55_000);
      expect(state?.ttlMs).toBeLessThanOrEqual(60_000);
    }
  });

  it('adds batches in order, reads without counting, and never takes back below zero', async () => {
    const counters = createCounters(ctx.db);
    const key = uniqueKey();
    const states = await counters.add(
      [
        { key: `${key}:a`, amount: 3 },
        { key: `${key}:b`, amount: 1 },
        { key: `${key}:c`, amount: 7 },
      ],
      60_000,
    );
    expect(states.map((state) => state.current)).toEqual([3, 1, 7]);
    expect((await counters.peek([`${key}:c`, `${key}:none`, `${key}:a`])).map((state) => state.current)).toEqual([
      7, 0, 3,
    ]);
    await counters.subtract([`${key}:b`, `${key}:a`]);
    await counters.subtract([`${key}:b`]);
    expect((await counters.peek([`${key}:a`, `${key}:b`])).map((state) => state.current)).toEqual([2, 0]);
  });

  it('starts a new window once the old one has passed', async () => {
    const counters = createCounters(ctx.db);
    const key = uniqueKey();
    await counters.add([{ key, amount: 2 }], 60_000);
    await ctx.db.execute(
      sql`update rate_limit_counters set expires_at = now() - interval '1 second' where key = ${key}`,
    );
    expect((await counters.peek([key]))[0]?.current).toBe(0);
    const [next] = await counters.add([{ key, amount: 1 }], 60_000);
    expect(next?.current).toBe(1);
    expect(next?.ttlMs).toBeGreaterThan(55_000);
  });

  it('refuses a key over its limit from memory until its window ends, without a write per request', async () => {
    const counters = createCounters(ctx.db);
    const key = uniqueKey();
    const limit = { max: 3, windowMs: 60_000 };
    for (let i = 1; i <= 3; i++) expect((await counters.hit(key, limit)).allowed).toBe(true);
    const refused = await counters.hit(key, limit);
    expect(refused).toMatchObject({ allowed: false, current: 4 });
    expect(refused.retryAfterSeconds).toBeGreaterThan(55);
    for (let i = 0; i < 20; i++) expect((await counters.hit(key, limit)).allowed).toBe(false);
    expect(await hitsOf(key)).toEqual([4]);
  });

  it('clears by prefix, and purges counters whose window ended', async () => {
    const counters = createCounters(ctx.db);
    const key = uniqueKey();
    await counters.add(
      [
        { key: `${key}|a`, amount: 1 },
        { key: `${key}|b`, amount: 1 },
        { key: `${key}x`, amount: 1 },
      ],
      60_000,
    );
    await counters.clear(`${key}|`);
    expect((await counters.peek([`${key}|a`, `${key}|b`, `${key}x`])).map((state) => state.current)).toEqual([0, 0, 1]);

    await ctx.db.execute(
      sql`update rate_limit_counters set expires_at = now() - interval '2 minutes' where key = ${`${key}x`}`,
    );
    expect(await counters.purgeExpired()).toBeGreaterThanOrEqual(1);
    expect(await hitsOf(`${key}x`)).toEqual([]);
  });

  it('purges on a schedule', async () => {
    expect(await ctx.app.jobs.runDue('ops.purge-rate-limits')).toBe(true);
  });
});
