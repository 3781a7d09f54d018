import { availableParallelism } from 'node:os';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { useTestApp } from '../../../test/app';
import { signedInCustomer } from '../../../test/factories';
import type { HashingLane } from '../../lib/hashing-lanes';
import { HASH_QUEUE_LIMIT, hashingThreads } from '../../lib/password';

/**
 * Counts the argon2 computations running at the same moment, per lane of threads (ADR 0029-e: a
 * hash that finds no idle time runs again in the fallback lane); `hold` keeps them from finishing.
 */
const hashing = {
  active: { idle: 0, fallback: 0 } as Record<HashingLane, number>,
  max: { idle: 0, fallback: 0 } as Record<HashingLane, number>,
  hold: Promise.resolve(),
};
function trackHashing() {
  for (const lane of ['idle', 'fallback'] as const) {
    const threads = hashingThreads(lane);
    const run = threads.run.bind(threads);
    const spy = vi.spyOn(threads, 'run').mockImplementation(async (...args) => {
      hashing.active[lane]++;
      hashing.max[lane] = Math.max(hashing.max[lane], hashing.active[lane]);
      try {
        await hashing.hold;
        return await run(...args);
      } finally {
        hashing.active[lane]--;
      }
    });
    onTestFinished(() => spy.mockRestore());
  }
}

const ctx = useTestApp();
/** Half the cores, at least one, at most two. */
const slots = Math.max(1, Math.min(2, Math.floor(availableParallelism() / 2)));

describe('a flood of sign-ins', () => {
  it('runs at most two password hashes at once (one on two cores), bounds the line and keeps other routes answering', async () => {
    const customer = await signedInCustomer(ctx.app, ctx.db);
    trackHashing();
    hashing.max = { idle: 0, fallback: 0 };
    let release: () => void = () => {};
    hashing.hold = new Promise<void>((resolve) => {
      release = resolve;
    });
    const flood = Array.from({ length: slots + HASH_QUEUE_LIMIT + 8 }, (_, index) =>
      ctx.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: `flood-${index}@example.com`, password: 'not the password' },
        remoteAddress: `198.51.100.${index + 1}`,
      }),
    );
    onTestFinished(() => release());
    const answered: number[] = [];
    for (const attempt of flood) void attempt.then((response) => answered.push(response.statusCode));

    // While every hashing slot is held: the line is full, the rest was refused at once with 429,
    // and the other routes answer without waiting for the flood.
    await vi.waitFor(() => expect(answered).toHaveLength(8), { timeout: 30_000 });
    expect(answered).toEqual(Array(8).fill(429));
    // Every slot holds a hash, in the idle lane or the fallback lane or — one that found no idle
    // time — in both; neither lane runs more than the slots.
    expect(hashing.active.idle + hashing.active.fallback).toBeGreaterThanOrEqual(slots);
    expect(hashing.active.idle).toBeLessThanOrEqual(slots);
    expect(hashing.active.fallback).toBeLessThanOrEqual(slots);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/me', headers: customer.bearer })).statusCode).toBe(200);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/health/ready' })).statusCode).toBe(200);
    expect(answered).toHaveLength(8);

    release();
    const responses = await Promise.all(flood);
    expect(responses.filter((response) => response.statusCode === 401)).toHaveLength(slots + HASH_QUEUE_LIMIT);
    for (const response of responses.filter((r) => r.statusCode === 429)) {
      expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
    }
    expect(hashing.max.idle).toBeLessThanOrEqual(slots);
    expect(hashing.max.fallback).toBeLessThanOrEqual(slots);
  });
});
