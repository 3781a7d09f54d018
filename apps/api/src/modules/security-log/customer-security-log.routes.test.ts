import { randomUUID } from 'node:crypto';
import { ZAdminSecurityEvent } from '@portal/contracts';
import { inArray, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app';
import { expectProblem, signedInCustomer, signedInStaff, signIn, TEST_PASSWORD } from '../../../test/factories';
import { securityEvents } from '../../db/schema/index';
import { hashPassword } from '../../lib/password';
import { insertMember } from '../customers/customers.repository';

const ctx = useTestApp();
const API = '/api/v1';

interface Entry {
  id: string;
  type: string;
  occurredAt: string;
  ipAddress: string | null;
  userAgent: string | null;
  details: Record<string, unknown>;
  user: { id: string; name: string; email: string };
}
interface Page {
  items: Entry[];
  nextCursor: string | null;
  hasMore: boolean;
}

async function logOf(customerId: string, headers: Record<string, string>, query = ''): Promise<Page> {
  const response = await ctx.app.inject({ url: `${API}/admin/customers/${customerId}/security-log${query}`, headers });
  expect(response.statusCode, response.body).toBe(200);
  expect(response.headers['cache-control']).toBe('no-store');
  return response.json<Page>();
}

async function everyPage(customerId: string, headers: Record<string, string>, limit: number) {
  const items: Entry[] = [];
  let cursor: string | null = null;
  do {
    const page: Page = await logOf(customerId, headers, `?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(page.items.length).toBeLessThanOrEqual(limit);
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

/** A customer account with a signed-in owner and a signed-in billing member. */
async function accountWithMember() {
  const owner = await signedInCustomer(ctx.app, ctx.db, { vatId: 'DE123456789' });
  const email = `member-${randomUUID()}@example.com`;
  const member = await insertMember(
    ctx.db,
    owner.user.id,
    { email, passwordHash: await hashPassword(TEST_PASSWORD), name: 'Mia Mitglied' },
    'billing',
  );
  const login = await ctx.app.inject({
    method: 'POST',
    url: `${API}/auth/login`,
    headers: { 'user-agent': 'MemberBrowser/2.0' },
    payload: { email, password: TEST_PASSWORD },
  });
  expect(login.statusCode, login.body).toBe(200);
  const token = login.cookies[0]?.value;
  return { owner, member, memberBearer: { authorization: `Bearer ${token}` } };
}

describe('back office: a customer account’s security log', () => {
  it('shows the entries of owners and members, newest first, with the user, and changes by the provider’s team as such', async () => {
    const support = await signedInStaff(ctx.app, ctx.db, { staffRole: 'support' });
    const admin = await signedInStaff(ctx.app, ctx.db, { staffRole: 'admin' });
    const { owner, member } = await accountWithMember();
    const stranger = await signedInCustomer(ctx.app, ctx.db);
    const verified = await ctx.app.inject({
      method: 'POST',
      url: `${API}/admin/customers/${owner.user.id}/vat-id-verification`,
      headers: admin.bearer,
      payload: { vatId: 'DE123456789' },
    });
    expect(verified.statusCode, verified.body).toBe(204);

    const log = await logOf(owner.user.id, support.bearer);
    for (const item of log.items) expect(ZAdminSecurityEvent.safeParse(item).success).toBe(true);
    expect(log.items.map((item) => [item.type, item.user.id])).toEqual([
      ['account.changed_by_provider', owner.user.id],
      ['sign_in.succeeded', member.id],
      ['sign_in.succeeded', owner.user.id],
    ]);
    const [byProvider, memberSignIn] = log.items;
    expect(byProvider).toMatchObject({ ipAddress: null, userAgent: null, details: { action: 'verifyVatId' } });
    expect(memberSignIn).toMatchObject({
      ipAddress: '127.0.0.1',
      userAgent: 'MemberBrowser/2.0',
      user: { id: member.id, name: 'Mia Mitglied', email: member.email },
    });
    expect(JSON.stringify(log)).not.toContain(stranger.user.id);
    expect(log).toMatchObject({ nextCursor: null, hasMore: false });
  });

  it('pages through every entry once, also entries of the same microsecond; a cursor of another log is refused', async () => {
    const billing = await signedInStaff(ctx.app, ctx.db, { staffRole: 'billing' });
    const { owner, member } = await accountWithMember();
    for (let index = 0; index < 3; index++) await signIn(ctx.app, owner.user.email);
    // As one transaction records several: the same instant, finer than a millisecond.
    await ctx.db
      .update(securityEvents)
      .set({ occurredAt: sql`'2026-11-30T10:00:00.123456Z'::timestamptz` })
      .where(inArray(securityEvents.userId, [owner.user.id, member.id]));
    await signIn(ctx.app, member.email);

    const whole = await logOf(owner.user.id, billing.bearer, '?limit=100');
    expect(whole.items).toHaveLength(6);
    const paged = await everyPage(owner.user.id, billing.bearer, 2);
    expect(paged.map((item) => item.id)).toEqual(whole.items.map((item) => item.id));
    const times = paged.map((item) => item.occurredAt);
    expect([...times].sort().reverse()).toEqual(times);

    const first = await logOf(owner.user.id, billing.bearer, '?limit=2');
    expect(first).toMatchObject({ hasMore: true });
    const other = await signedInCustomer(ctx.app, ctx.db);
    expectProblem(
      await ctx.app.inject({
        url: `${API}/admin/customers/${other.user.id}/security-log?cursor=${first.nextCursor}`,
        headers: billing.bearer,
      }),
      400,
      'validation_failed',
    );
    expectProblem(
      await ctx.app.inject({
        url: `${API}/admin/customers/${owner.user.id}/security-log?cursor=x`,
        headers: billing.bearer,
      }),
      400,
      'validation_failed',
    );
  });

  it('answers 404 for an unknown customer or a staff member, 403 to customers and 401 without a session', async () => {
    const support = await signedInStaff(ctx.app, ctx.db, { staffRole: 'support' });
    const { owner, memberBearer } = await accountWithMember();
    const url = (id: string) => `${API}/admin/customers/${id}/security-log`;
    expectProblem(await ctx.app.inject({ url: url(randomUUID()), headers: support.bearer }), 404, 'not_found');
    expectProblem(await ctx.app.inject({ url: url(support.user.id), headers: support.bearer }), 404, 'not_found');
    expectProblem(await ctx.app.inject({ url: url(owner.user.id), headers: owner.bearer }), 403, 'forbidden');
    expectProblem(await ctx.app.inject({ url: url(owner.user.id), headers: memberBearer }), 403, 'forbidden');
    expectProblem(await ctx.app.inject({ url: url(owner.user.id) }), 401);
  });
});
