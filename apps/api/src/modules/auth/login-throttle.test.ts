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
});
