import { availableParallelism } from 'node:os';
import type * as argon2 from '@node-rs/argon2';
import { describe, expect, it, vi } from 'vitest';
import { useTestApp } from '../../../test/app';
import { signedInCustomer } from '../../../test/factories';

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
    expect(stillWaiting).toBeGreaterThan(20);

    const statuses = (await Promise.all(flood)).map((response) => response.statusCode);
    expect(statuses.every((status) => status === 401)).toBe(true);
    expect(hashing.max).toBe(slots);
  });
});
