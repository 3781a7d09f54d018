import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app';
import { expectProblem } from '../../../test/factories';

const ctx = useTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '3' });

describe('sign-in throttling', () => {
  it('answers 429 problem+json with Retry-After past the limit', async () => {
    const attempt = () =>
      ctx.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: 'someone@example.com', password: 'guess' },
      });
    for (let i = 0; i < 3; i++) expect((await attempt()).statusCode).toBe(401);
    const throttled = await attempt();
    expectProblem(throttled, 429, 'rate_limited');
    expect(Number(throttled.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('tells every answer of a limited route its quota and what is left (IETF RateLimit fields)', async () => {
    const attempt = () =>
      ctx.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: '192.0.2.77',
        payload: { email: 'someone-else@example.com', password: 'guess' },
      });
    const first = await attempt();
    expect(first.headers['ratelimit-policy']).toBe('"route";q=3;w=60');
    expect(first.headers.ratelimit).toMatch(/^"route";r=2;t=([1-9]|[1-5]\d|60)$/);
    await attempt();
    expect((await attempt()).headers.ratelimit).toMatch(/^"route";r=0;t=\d+$/);
    const throttled = await attempt();
    expectProblem(throttled, 429, 'rate_limited');
    expect(throttled.headers.ratelimit).toMatch(/^"route";r=0;t=\d+$/);
    expect(throttled.headers['ratelimit-policy']).toBe('"route";q=3;w=60');
    expect(throttled.headers['retry-after']).toBe(String(throttled.headers.ratelimit).split('t=')[1]);

    const document = (await ctx.app.inject({ url: '/api/v1/openapi.json' })).json();
    const login = document.paths['/api/v1/auth/login'].post;
    for (const status of ['200', '401', '429', 'default'])
      expect(Object.keys(login.responses[status].headers)).toEqual(
        expect.arrayContaining(['ratelimit', 'ratelimit-policy']),
      );
  });
});
