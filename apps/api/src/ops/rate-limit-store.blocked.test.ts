import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/app';
import { postgresRateLimitStore } from './rate-limit-store';

const ctx = useTestApp();

describe('PostgreSQL rate-limit store under a flood', () => {
  it('refuses a key over its limit from memory until its window ends, without a write per request', async () => {
    const Store = postgresRateLimitStore(ctx.db);
    const store = new Store({}).child({ routeInfo: { method: 'POST', url: `/flood-${Math.random()}` } } as never);
    const incr = () =>
      new Promise<{ current: number; ttl: number }>((resolve, reject) =>
        store.incr('203.0.113.9', (error, result) => (error || !result ? reject(error) : resolve(result)), 60_000, 3),
      );
    for (let i = 1; i <= 4; i++) expect((await incr()).current).toBe(i);
    const rows = async () =>
      (
        (await ctx.db.execute(sql`select hits from rate_limit_counters where key like '%203.0.113.9'`)) as unknown as {
          rows: Array<{ hits: number }>;
        }
      ).rows;
    expect((await rows()).map((row) => Number(row.hits))).toEqual([4]);

    // Over the limit: answered from memory, the shared counter stays where it was.
    for (let i = 0; i < 20; i++) {
      const result = await incr();
      expect(result.current).toBeGreaterThan(3);
      expect(result.ttl).toBeGreaterThan(0);
    }
    expect((await rows()).map((row) => Number(row.hits))).toEqual([4]);
  });
});
