/**
 * Refusals of strangers (what a flood produces) are written behind the answers in batches
 * (ADR 0025-d). A batch period far beyond this test, so that only the explicit flush writes.
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app';
import { createCustomer } from '../../../test/factories';
import { securityEvents } from '../../db/schema/index';
import { flushStrangerEvents } from './security-log';

const API = '/api/v1';
const ctx = useTestApp({ SECURITY_LOG_BATCH_MS: '60000' });

describe('security log under a flood', () => {
  it('writes refusals of strangers in one batch behind the answers, entries about a user at once', async () => {
    const marker = `Flood/${Date.now()}`;
    const refusals = await Promise.all(
      Array.from({ length: 30 }, () => ctx.app.inject({ url: `${API}/me`, headers: { 'user-agent': marker } })),
    );
    expect(refusals.every((response) => response.statusCode === 401)).toBe(true);
    const written = () => ctx.db.select().from(securityEvents).where(eq(securityEvents.userAgent, marker));
    // Not one row per request on the request path: none before the batch.
    expect(await written()).toEqual([]);
    // Denials are recorded once each answer has gone out; the batch takes what has arrived.
    await expect
      .poll(async () => {
        await flushStrangerEvents(ctx.db);
        return (await written()).length;
      })
      .toBe(30);

    const user = await createCustomer(ctx.db);
    const failed = await ctx.app.inject({
      method: 'POST',
      url: `${API}/auth/login`,
      payload: { email: user.email, password: 'wrong-password-123' },
    });
    expect(failed.statusCode).toBe(401);
    const [entry] = await ctx.db.select().from(securityEvents).where(eq(securityEvents.userId, user.userId));
    expect(entry?.type).toBe('sign_in.failed');
  });
});
