import { ZSecurityEvent } from '@portal/contracts';
import { eq, isNull } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { useTestApp } from '../../../test/app';
import { createCustomer, expectProblem, signedInCustomer, signIn, TEST_PASSWORD } from '../../../test/factories';
import { securityEvents } from '../../db/schema/index';
import { flushStrangerEvents, purgeSecurityEvents, recordSecurityEvent } from './security-log';

const ctx = useTestApp();
const API = '/api/v1';
const agent = { 'user-agent': 'SecurityLogTest/1.0' };

async function eventsOf(userId: string) {
  return ctx.db.select().from(securityEvents).where(eq(securityEvents.userId, userId));
}

async function myLog(headers: Record<string, string>, query = '') {
  const response = await ctx.app.inject({ url: `${API}/account/security-events${query}`, headers });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{
    items: Array<{ type: string; details: Record<string, unknown> } & Record<string, unknown>>;
    nextCursor: string | null;
  }>();
}

describe('security log', () => {
  it('records sign-ins (success and failure, unknown e-mails without a user) and sign-outs with request id, address and agent', async () => {
    const user = await createCustomer(ctx.db);
    const failed = await ctx.app.inject({
      method: 'POST',
      url: `${API}/auth/login`,
      headers: agent,
      payload: { email: user.email, password: 'wrong-password-123' },
    });
    expectProblem(failed, 401);
    const unknownEmail = `nobody-${Date.now()}@example.com`;
    const unknown = await ctx.app.inject({
      method: 'POST',
      url: `${API}/auth/login`,
      headers: agent,
      payload: { email: unknownEmail, password: 'whatever-123' },
    });
    expectProblem(unknown, 401);
    const session = await signIn(ctx.app, user.email);
    const logout = await ctx.app.inject({ method: 'POST', url: `${API}/auth/logout`, headers: session.bearer });
    expect(logout.statusCode).toBe(204);

    const rows = await eventsOf(user.id);
    const byType = Object.fromEntries(rows.map((row) => [row.type, row]));
    expect(Object.keys(byType).sort()).toEqual(['sign_in.failed', 'sign_in.succeeded', 'sign_out']);
    expect(byType['sign_in.failed']?.requestId).toBe(failed.headers['x-request-id']);
    expect(byType['sign_in.failed']?.userAgent).toBe('SecurityLogTest/1.0');
    expect(byType['sign_in.failed']?.ipAddress).toBe('127.0.0.1');
    expect(byType['sign_in.failed']?.details).toEqual({ reason: 'wrong_password' });
    // A signed-in caller's change names its own request (request.auth.origin, ADR 0028-a).
    expect(byType.sign_out).toMatchObject({ requestId: logout.headers['x-request-id'], ipAddress: '127.0.0.1' });
    // The login's 401 is the sign-in failure, not also a denial.
    expect(rows.filter((row) => row.type === 'access.denied')).toEqual([]);

    const anonymous = await ctx.app.inject({ url: `${API}/me` });
    expect(anonymous.statusCode).toBe(401);
    // Entries about nobody known are written behind, in the next batch (ADR 0025-d).
    await flushStrangerEvents(ctx.db);
    const [orphan] = await ctx.db
      .select()
      .from(securityEvents)
      .where(eq(securityEvents.requestId, String(unknown.headers['x-request-id'])));
    expect(orphan?.type).toBe('sign_in.failed');
    expect(orphan?.userId).toBeNull();
    expect(JSON.stringify(orphan)).not.toContain('whatever-123');
    // Denials are written after the answer has gone out.
    await vi.waitFor(async () => {
      await flushStrangerEvents(ctx.db);
      const denials = await ctx.db.select().from(securityEvents).where(isNull(securityEvents.userId));
      const denial = denials.find((row) => row.requestId === anonymous.headers['x-request-id']);
      expect(denial?.type).toBe('access.denied');
    });
  });

  it('records password, e-mail and bank data changes in the transaction of the change, never a secret', async () => {
    const { user, bearer } = await signedInCustomer(ctx.app, ctx.db);
    const newPassword = 'ein-ganz-neues-passwort-2026';
    const password = await ctx.app.inject({
      method: 'PUT',
      url: `${API}/account/password`,
      headers: bearer,
      payload: { currentPassword: TEST_PASSWORD, newPassword },
    });
    expect(password.statusCode, password.body).toBe(204);
    const bank = await ctx.app.inject({
      method: 'PUT',
      url: `${API}/account/bank-account`,
      headers: bearer,
      payload: { accountHolder: 'Test Kunde', iban: 'DE89370400440532013000' },
    });
    expect(bank.statusCode, bank.body).toBe(200);
    const profile = await ctx.app.inject({
      method: 'PUT',
      url: `${API}/account/profile`,
      headers: bearer,
      payload: {
        name: 'Test Kunde',
        address: { street: 'Teststraße 1', postalCode: '24937', city: 'Flensburg', country: 'DE' },
        email: `neu-${user.id}@example.com`,
        currentPassword: newPassword,
      },
    });
    expect(profile.statusCode, profile.body).toBe(200);
    // A refused change leaves no entry: the event rolls back with it.
    const refused = await ctx.app.inject({
      method: 'PUT',
      url: `${API}/account/bank-account`,
      headers: bearer,
      payload: { accountHolder: 'Test Kunde', iban: 'DE00370400440532013000' },
    });
    expect(refused.statusCode).toBe(400);

    const log = await myLog(bearer);
    const types = log.items.map((item) => item.type);
    expect(types.filter((type) => type === 'bank_account.changed')).toHaveLength(1);
    expect(types).toContain('password.changed');
    expect(types).toContain('email.change_requested');
    const bankEvent = log.items.find((item) => item.type === 'bank_account.changed');
    expect(bankEvent?.details.account).toMatch(/^DE89 .*3000$/);
    const everything = JSON.stringify(log);
    expect(everything).not.toContain('370400440532013000');
    expect(everything).not.toContain(newPassword);
    expect(everything).not.toContain(TEST_PASSWORD);
    for (const item of log.items) expect(ZSecurityEvent.safeParse(item).success).toBe(true);
  });

  it('shows customers only their own entries, newest first and paginated, and records their refused requests', async () => {
    const owner = await signedInCustomer(ctx.app, ctx.db);
    const other = await signedInCustomer(ctx.app, ctx.db);
    for (let index = 0; index < 4; index++) await signIn(ctx.app, owner.user.email);
    const denied = await ctx.app.inject({ url: `${API}/admin/product-catalog`, headers: owner.bearer });
    expect(denied.statusCode).toBe(403);

    await vi.waitFor(async () => {
      const rows = await eventsOf(owner.user.id);
      expect(rows.some((row) => row.type === 'access.denied')).toBe(true);
    });
    const first = await myLog(owner.bearer, '?limit=3');
    expect(first.items).toHaveLength(3);
    expect(first.items[0]?.type).toBe('access.denied');
    expect(first.items[0]?.details).toMatchObject({
      status: 403,
      method: 'GET',
      route: '/api/v1/admin/product-catalog',
    });
    expect(first.nextCursor).not.toBeNull();
    const second = await myLog(owner.bearer, `?limit=3&cursor=${first.nextCursor}`);
    const all = [...first.items, ...second.items];
    expect(all.map((item) => item.type).filter((type) => type === 'sign_in.succeeded')).toHaveLength(5);
    expect(new Set(all.map((item) => item.id)).size).toBe(all.length);
    const times = all.map((item) => String(item.occurredAt));
    expect([...times].sort().reverse()).toEqual(times);

    const theirs = await myLog(other.bearer);
    expect(theirs.items.every((item) => item.type === 'sign_in.succeeded')).toBe(true);
    expect(theirs.items).toHaveLength(1);
    // A cursor of someone else's list does not page into it.
    expectProblem(
      await ctx.app.inject({ url: `${API}/account/security-events?cursor=${first.nextCursor}`, headers: other.bearer }),
      400,
    );

    expectProblem(await ctx.app.inject({ url: `${API}/account/security-events` }), 401);
    expectProblem(await ctx.app.inject({ url: `${API}/account/security-events?cursor=x`, headers: owner.bearer }), 400);
  });

  it('never stores secret-looking keys and purges entries past the retention period', async () => {
    const user = await createCustomer(ctx.db);
    await recordSecurityEvent(ctx.db, {
      type: 'password.changed',
      userId: user.id,
      origin: null,
      details: { password: 'x', accessToken: 'y', iban: 'z', kept: 'yes' },
    });
    const [row] = await eventsOf(user.id);
    expect(row?.details).toEqual({ kept: 'yes' });
    expect(await purgeSecurityEvents(ctx.db, new Date(Date.now() + 181 * 86_400_000))).toBeGreaterThan(0);
    expect(await eventsOf(user.id)).toEqual([]);
  });
});
