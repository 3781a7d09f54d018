import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/app';
import { rateLimitCounters } from '../db/schema/index';
import { incrementCounter, postgresRateLimitStore, purgeExpiredCounters } from './rate-limit-store';

const ctx = useTestApp();

describe('PostgreSQL rate-limit store', () => {
  it('counts hits in a fixed window, concurrently without losing any', async () => {
    const key = `test:${Math.random()}`;
    const results = await Promise.all(Array.from({ length: 20 }, () => incrementCounter(ctx.db, key, 60_000)));
    expect(results.map((result) => result.current).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 20 }, (_, index) => index + 1),
    );
    for (const result of results) {
      expect(result.ttl).toBeGreaterThan(55_000);
      expect(result.ttl).toBeLessThanOrEqual(60_000);
    }
  });

  it('starts a new window once the old one has passed', async () => {
    const key = `test:${Math.random()}`;
    await incrementCounter(ctx.db, key, 60_000);
    await incrementCounter(ctx.db, key, 60_000);
    await ctx.db.execute(
      sql`update rate_limit_counters set expires_at = now() - interval '1 second' where key = ${key}`,
    );
    const next = await incrementCounter(ctx.db, key, 60_000);
    expect(next.current).toBe(1);
    expect(next.ttl).toBeGreaterThan(55_000);
  });

  it('keeps one counter space per route through child()', async () => {
    const Store = postgresRateLimitStore(ctx.db);
    const root = new Store({});
    const login = root.child({ routeInfo: { method: 'POST', url: '/login' } } as never);
    const other = root.child({ routeInfo: { method: 'POST', url: '/other' } } as never);
    const incr = (store: typeof login) =>
      new Promise<{ current: number; ttl: number } | undefined>((resolve, reject) =>
        store.incr('127.0.0.1', (error, result) => (error ? reject(error) : resolve(result)), 60_000, 5),
      );
    expect((await incr(login))?.current).toBe(1);
    expect((await incr(login))?.current).toBe(2);
    expect((await incr(other))?.current).toBe(1);
  });

  it('purges counters whose window ended', async () => {
    const key = `test:${Math.random()}`;
    await incrementCounter(ctx.db, key, 60_000);
    await ctx.db.execute(
      sql`update rate_limit_counters set expires_at = now() - interval '2 minutes' where key = ${key}`,
    );
    expect(await purgeExpiredCounters(ctx.db)).toBeGreaterThanOrEqual(1);
    const left = await ctx.db.select().from(rateLimitCounters).where(sql`${rateLimitCounters.key} = ${key}`);
    expect(left).toEqual([]);
  });

  it('purges on a schedule', async () => {
    expect(await ctx.app.jobs.runDue('ops.purge-rate-limits')).toBe(true);
  });
});
