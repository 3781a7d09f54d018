import { describe, expect, it, vi } from 'vitest';
import { useTestApp } from '../../../test/app';
import { createCustomer } from '../../../test/factories';
import { findEmailsTo } from '../../mail/outbox.repository';

const ctx = useTestApp();

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

async function timedRequest(email: string) {
  const started = process.hrtime.bigint();
  const response = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email } });
  const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
  expect(response.statusCode).toBe(202);
  return elapsedMs;
}

describe('password reset timing', () => {
  it('answers a known address as fast as an unknown one (the work happens after the answer)', async () => {
    const known: number[] = [];
    const unknown: number[] = [];
    // Interleaved, so a slower moment of the machine hits both sides alike.
    for (let round = 0; round < 15; round++) {
      const customer = await createCustomer(ctx.db);
      known.push(await timedRequest(customer.email));
      await vi.waitFor(async () => expect(await findEmailsTo(ctx.db, customer.email)).toHaveLength(1));
      unknown.push(await timedRequest(`nobody-${round}-${Date.now()}@example.com`));
    }
    // Relative only: the two medians within a third of each other, whatever the machine's speed.
    expect(median(known)).toBeLessThan(median(unknown) * 1.33);
    expect(median(unknown)).toBeLessThan(median(known) * 1.33);
  });
});
