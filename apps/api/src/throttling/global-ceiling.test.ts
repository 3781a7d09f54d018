import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/app';
import { expectProblem } from '../../test/factories';
import { createCounters } from './counters';
import { createGlobalCeiling } from './global-ceiling';

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
    const counters = createCounters(ctx.db);
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
});
