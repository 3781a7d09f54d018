import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/app';
import { expectProblem } from '../../test/factories';
import { createGlobalCeiling } from './global-ceiling';
import { postgresThrottleCounters } from './throttle-counters';

const CEILING = 20;
const ctx = useTestApp({ GLOBAL_RATE_LIMIT_PER_MINUTE: String(CEILING) });
const silent = { warn() {} } as never;

describe('global request ceiling', () => {
  it('answers 429 with Retry-After past the ceiling on any API route, per client address', async () => {
    const get = (url: string, remoteAddress: string) => ctx.app.inject({ method: 'GET', url, remoteAddress });
    for (let i = 0; i < CEILING; i++) expect((await get('/api/v1/no-such-route', '203.0.113.5')).statusCode).toBe(404);
    const throttled = await get('/api/v1/me', '203.0.113.5');
    expectProblem(throttled, 429, 'rate_limited');
    expect(Number(throttled.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(throttled.headers['retry-after'])).toBeLessThanOrEqual(60);

    // Another address is unaffected, and probes are never counted.
    expect((await get('/api/v1/me', '203.0.113.6')).statusCode).toBe(401);
    expect((await get('/api/v1/health', '203.0.113.5')).statusCode).toBe(200);
  });

  it('adds up the hits of every instance through the shared counters', async () => {
    const counters = postgresThrottleCounters(ctx.db);
    const options = { counters, max: 10, windowMs: 60_000, syncMs: 60_000, log: silent };
    const a = createGlobalCeiling(options);
    const b = createGlobalCeiling(options);
    try {
      const client = `192.0.2.${Math.floor(Math.random() * 250)}`;
      for (let i = 0; i < 6; i++) expect(a.hit(client).allowed).toBe(true);
      for (let i = 0; i < 4; i++) expect(b.hit(client).allowed).toBe(true);
      await a.flush();
      await b.flush();
      // b has seen all ten; a still knows only its own six until its next sync.
      expect(b.hit(client).allowed).toBe(false);
      expect(a.hit(client).allowed).toBe(true);
      await a.flush();
      // 6 + 4 + 1 (b's refused) + 1 (a's): a knows now, one sync period later.
      expect(a.hit(client).allowed).toBe(false);
    } finally {
      a.close();
      b.close();
    }
  });

  it('counts in batches, in order, and never below zero', async () => {
    const counters = postgresThrottleCounters(ctx.db);
    const key = `test:${Math.random()}`;
    const states = await counters.add(
      [
        { key: `${key}:a`, amount: 3 },
        { key: `${key}:b`, amount: 1 },
        { key: `${key}:a`.replace(':a', ':c'), amount: 7 },
      ],
      60_000,
    );
    expect(states.map((state) => state.current)).toEqual([3, 1, 7]);
    expect(states.every((state) => state.ttlMs > 55_000 && state.ttlMs <= 60_000)).toBe(true);
    expect((await counters.add([{ key: `${key}:a`, amount: 2 }], 60_000))[0]?.current).toBe(5);
    await counters.subtract(`${key}:b`);
    await counters.subtract(`${key}:b`);
    expect((await counters.add([{ key: `${key}:b`, amount: 1 }], 60_000))[0]?.current).toBe(1);
  });
});
