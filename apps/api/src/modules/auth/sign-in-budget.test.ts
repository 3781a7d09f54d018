import { like } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app';
import { rateLimitCounters } from '../../db/schema/rate-limits';

// One hash a second for the whole instance: a burst of sign-ins meets the budget at once.
const ctx = useTestApp({ PASSWORD_HASHES_PER_SECOND: '1' });

describe('the password-hash budget of an instance', () => {
  it('refuses sign-ins over it with 429 from memory: no counter and no security-log entry is written for them', async () => {
    const attempts = Array.from({ length: 10 }, (_, index) => ({
      email: `budget-${index}-${crypto.randomUUID()}@example.com`,
      address: `203.0.113.${index + 1}`,
    }));
    const responses = await Promise.all(
      attempts.map(({ email, address }) =>
        ctx.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email, password: 'not the password' },
          remoteAddress: address,
        }),
      ),
    );

    const refused = attempts.filter((_, index) => responses[index]?.statusCode === 429);
    const hashed = attempts.filter((_, index) => responses[index]?.statusCode === 401);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.length + hashed.length).toBe(attempts.length);
    for (const response of responses.filter((r) => r.statusCode === 429)) {
      expect(response.json()).toMatchObject({ code: 'rate_limited' });
      expect(Number(response.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    }

    // Nothing of a refused attempt reached the database: neither the per-address route limit nor
    // the per-account failure counters; the hashed ones were counted as before.
    const counted = await ctx.db
      .select({ key: rateLimitCounters.key })
      .from(rateLimitCounters)
      .where(like(rateLimitCounters.key, 'sign-in:budget-%'));
    const countedKeys = counted.map((row) => row.key).join('\n');
    for (const { email } of refused) expect(countedKeys).not.toContain(email);
    for (const { email } of hashed) expect(countedKeys).toContain(email);
    const addressLimits = await ctx.db
      .select({ key: rateLimitCounters.key })
      .from(rateLimitCounters)
      .where(like(rateLimitCounters.key, 'route:POST /api/v1/auth/login:%'));
    const limitedAddresses = new Set(addressLimits.map((row) => row.key));
    const routeKey = (address: string) => `route:POST /api/v1/auth/login:${address}`;
    for (const { address } of refused) expect(limitedAddresses.has(routeKey(address))).toBe(false);
    for (const { address } of hashed) expect(limitedAddresses.has(routeKey(address))).toBe(true);
  });
});
