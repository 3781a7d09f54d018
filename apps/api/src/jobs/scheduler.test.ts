import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/app';
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
    const scheduler = createScheduler(ctx.db, ctx.app.log);
    scheduler.register({
      name: 'test.fails',
      intervalMs: 1,
      run: async () => {
        runs++;
        throw new Error('boom');
      },
    });
    expect(await scheduler.runDue('test.fails')).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await scheduler.runDue('test.fails')).toBe(true);
    expect(runs).toBe(2);
  });
});
