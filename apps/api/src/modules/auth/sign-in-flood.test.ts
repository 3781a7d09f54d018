import { availableParallelism } from 'node:os';
import type * as argon2 from '@node-rs/argon2';
import { describe, expect, it, vi } from 'vitest';
import { useTestApp } from '../../../test/app';
import { signedInCustomer } from '../../../test/factories';
import { HASH_QUEUE_LIMIT } from '../../lib/password';

/** Counts the argon2 computations running at the same moment. */
const hashing = vi.hoisted(() => ({ active: 0, max: 0 }));
vi.mock('@node-rs/argon2', async (importOriginal) => {
  const original = await importOriginal<typeof argon2>();
  const tracked =
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
    async (...args: A) => {
      hashing.active++;
      hashing.max = Math.max(hashing.max, hashing.active);
      try {
        return await fn(...args);
      } finally {
        hashing.active--;
      }
    };
  return { ...original, hash: tracked(original.hash), verify: tracked(original.verify) };
});

const ctx = useTestApp();
/** Half the cores, at least one, at most two. */
const slots = Math.max(1, Math.min(2, Math.floor(availableParallelism() / 2)));

describe('a flood of sign-ins', () => {
  it('runs at most two password hashes at once (one on two cores) and leaves the other routes answering', async () => {
    const customer = await signedInCustomer(ctx.app, ctx.db);
    hashing.max = 0;
    let pending = 0;
    const flood = Array.from({ length: 40 }, (_, index) => {
      pending++;
      return ctx.app
        .inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email: `flood-${index}@example.com`, password: 'not the password' },
          remoteAddress: `198.51.100.${index + 1}`,
        })
        .finally(() => {
          pending--;
        });
    });
    await vi.waitFor(() => expect(hashing.active).toBe(slots));

    const me = await ctx.app.inject({ method: 'GET', url: '/api/v1/me', headers: customer.bearer });
    const health = await ctx.app.inject({ method: 'GET', url: '/api/v1/health/ready' });
    // Both answered while most of the flood still waited for a hashing slot.
    const stillWaiting = pending;
    expect(me.statusCode).toBe(200);
    expect(health.statusCode).toBe(200);
    expect(stillWaiting).toBeGreaterThan(10);

    const responses = await Promise.all(flood);
    // Refused: the account or the password; or, past the hashing line's limit, 429 at once.
    for (const response of responses) {
      expect([401, 429]).toContain(response.statusCode);
      if (response.statusCode === 429) expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
    }
    expect(hashing.max).toBe(slots);
  });

  it('refuses sign-ins at once past the waiting line instead of queueing them without end', async () => {
    const flood = Array.from({ length: 3 * HASH_QUEUE_LIMIT }, (_, index) =>
      ctx.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: `line-${index}@example.com`, password: 'not the password' },
        remoteAddress: `192.0.2.${index + 1}`,
      }),
    );
    const statuses = (await Promise.all(flood)).map((response) => response.statusCode);
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThan(0);
    expect(statuses.filter((status) => status === 401).length).toBeGreaterThanOrEqual(HASH_QUEUE_LIMIT);
  });
});
