import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/app';
import { scheduledJobs } from '../db/schema/index';
import { createScheduler } from './scheduler';

const ctx = useTestApp();

describe('scheduler', () => {
  it('runs a job once per period across instances', async () => {
    let runs = 0;
    const job = { name: 'test.count', intervalMs: 60_000, run: async () => void runs++ };
    const first = createScheduler(ctx.db, ctx.app.log);
    const second = createScheduler(ctx.db, ctx.app.log);
    first.register(job);
    second.register(job);
    const results = await Promise.all([first.runDue(job.name), second.runDue(job.name), first.runDue(job.name)]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(runs).toBe(1);
  });

  it('runs again once the period has passed, and records failures', async () => {
    let runs = 0;
    let fail = true;
    const scheduler = createScheduler(ctx.db, ctx.app.log);
    scheduler.register({
      name: 'test.fails',
      intervalMs: 60_000,
      run: async () => {
        runs++;
        if (fail) throw new Error('boom');
      },
    });
    const row = async () => {
      const [job] = await ctx.db.select().from(scheduledJobs).where(eq(scheduledJobs.name, 'test.fails'));
      return job;
    };
    // The period passes by moving the last start back, not by waiting.
    const periodPassed = () =>
      ctx.db
        .update(scheduledJobs)
        .set({ lastStartedAt: sql`now() - interval '61 seconds'` })
        .where(eq(scheduledJobs.name, 'test.fails'));

    expect(await scheduler.runDue('test.fails')).toBe(true);
    expect(await row()).toMatchObject({ lastError: expect.stringContaining('boom') });
    expect((await row())?.lastFinishedAt).toBeInstanceOf(Date);
    expect(await scheduler.runDue('test.fails')).toBe(false);
    expect(runs).toBe(1);

    await periodPassed();
    expect(await scheduler.runDue('test.fails')).toBe(true);
    expect(runs).toBe(2);
    expect((await row())?.lastError).toContain('boom');

    // A successful run clears the error.
    fail = false;
    await periodPassed();
    expect(await scheduler.runDue('test.fails')).toBe(true);
    expect(runs).toBe(3);
    expect((await row())?.lastError).toBeNull();
  });
});
