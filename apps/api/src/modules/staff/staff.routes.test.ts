import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app';
import { expectProblem, signedInCustomer, signedInStaff } from '../../../test/factories';
import { openTicketAs } from '../../../test/tickets';
import { findEmailsTo } from '../../mail/outbox.repository';

const ctx = useTestApp();

describe('back office: staff roles, staff users and the audit log', () => {
  it('lets each role do what the role table says, and no more', async () => {
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const ticket = await openTicketAs(ctx.app, customer.bearer);
    const support = await signedInStaff(ctx.app, ctx.db, { staffRole: 'support' });
    const billing = await signedInStaff(ctx.app, ctx.db, { staffRole: 'billing' });
    const admin = await signedInStaff(ctx.app, ctx.db, { staffRole: 'admin' });

    const tickets = { url: `/api/v1/admin/tickets/${ticket.id}` };
    const runs = { url: '/api/v1/admin/direct-debit-runs' };
    const staffUsers = { url: '/api/v1/admin/staff-users' };
    const audit = { url: '/api/v1/admin/audit-events' };
    const expectations: Array<[typeof support, typeof tickets, number]> = [
      [support, tickets, 200],
      [support, runs, 403],
      [support, staffUsers, 403],
      [support, audit, 403],
      [billing, tickets, 403],
      [billing, runs, 200],
      [billing, staffUsers, 403],
      [admin, tickets, 200],
      [admin, runs, 200],
      [admin, staffUsers, 200],
      [admin, audit, 200],
    ];
    for (const [who, request, status] of expectations) {
      const answer = await ctx.app.inject({ ...request, headers: who.bearer });
      expect(answer.statusCode, `${who.user.staffRole} ${request.url}`).toBe(status);
      if (status === 403) expectProblem(answer, 403, 'forbidden');
    }
    const me = await ctx.app.inject({ url: '/api/v1/me', headers: billing.bearer });
    expect(me.json()).toMatchObject({ role: 'staff', staffRole: 'billing' });
  });

  it('invites a staff member, changes the role (audited with before and after) and deactivates', async () => {
    const admin = await signedInStaff(ctx.app, ctx.db, { staffRole: 'admin' });
    const invited = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/admin/staff-users',
      headers: admin.bearer,
      payload: { email: 'Neu.Support@Example.com', name: 'Nina Neu', staffRole: 'support' },
    });
    expect(invited.statusCode, invited.body).toBe(201);
    const user = invited.json();
    expect(user).toMatchObject({ email: 'neu.support@example.com', staffRole: 'support', deactivatedAt: null });
    expect(await findEmailsTo(ctx.db, 'neu.support@example.com')).toHaveLength(1);
    const again = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/admin/staff-users',
      headers: admin.bearer,
      payload: { email: 'neu.support@example.com', name: 'Nina Neu', staffRole: 'support' },
    });
    expectProblem(again, 409, 'conflict');

    const role = await ctx.app.inject({
      method: 'PUT',
      url: `/api/v1/admin/staff-users/${user.id}/role`,
      headers: admin.bearer,
      payload: { staffRole: 'billing' },
    });
    expect(role.json()).toMatchObject({ id: user.id, staffRole: 'billing' });

    const own = await ctx.app.inject({
      method: 'PUT',
      url: `/api/v1/admin/staff-users/${admin.user.id}/role`,
      headers: admin.bearer,
      payload: { staffRole: 'support' },
    });
    expectProblem(own, 409, 'conflict');

    const log = await ctx.app.inject({
      url: `/api/v1/admin/audit-events?staffUserId=${admin.user.id}`,
      headers: admin.bearer,
    });
    expect(log.json().items.map((item: { action: string }) => item.action)).toEqual([
      'setStaffRole',
      'inviteStaffUser',
    ]);
    expect(log.json().items[0]).toMatchObject({
      staff: { id: admin.user.id, name: admin.user.name },
      subjectId: user.id,
      before: { staffRole: 'support' },
      after: { staffRole: 'billing' },
    });

    const deactivated = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/admin/staff-users/${user.id}/deactivation`,
      headers: admin.bearer,
    });
    expect(deactivated.json().deactivatedAt).toEqual(expect.any(String));
  });

  it('ends the sessions of a deactivated staff member', async () => {
    const admin = await signedInStaff(ctx.app, ctx.db, { staffRole: 'admin' });
    const support = await signedInStaff(ctx.app, ctx.db, { staffRole: 'support' });
    await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/admin/staff-users/${support.user.id}/deactivation`,
      headers: admin.bearer,
    });
    expectProblem(
      await ctx.app.inject({ url: '/api/v1/admin/tickets', headers: support.bearer }),
      401,
      'unauthenticated',
    );
    const login = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: support.user.email, password: 'correct-horse-battery-staple' },
    });
    expect(login.statusCode).toBe(401);
  });

  it("puts a staff change to a customer's data into the customer's security log, as the provider's team", async () => {
    const support = await signedInStaff(ctx.app, ctx.db, { staffRole: 'support' });
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const ticket = await openTicketAs(ctx.app, customer.bearer);
    const reply = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/admin/tickets/${ticket.id}/messages`,
      headers: support.bearer,
      payload: { body: 'Wir kümmern uns darum.' },
    });
    expect(reply.statusCode, reply.body).toBe(201);
    const events = await ctx.app.inject({ url: '/api/v1/account/security-events', headers: customer.bearer });
    const entry = events.json().items.find((item: { type: string }) => item.type === 'account.changed_by_provider');
    expect(entry).toMatchObject({ ipAddress: null, userAgent: null, details: { action: 'adminReplyToTicket' } });
  });

  it('pages through audit entries of the same microsecond without losing one', async () => {
    const admin = await signedInStaff(ctx.app, ctx.db, { staffRole: 'admin' });
    const actor = await signedInStaff(ctx.app, ctx.db, { staffRole: 'support' });
    // Entries written in one transaction share its instant, finer than a millisecond.
    await ctx.db.execute(
      sql`insert into staff_audit_events (occurred_at, staff_user_id, action)
        select '2026-11-30T10:00:00.123456Z', ${actor.user.id}, 'adminReplyToTicket' from generate_series(1, 3)`,
    );
    const seen: string[] = [];
    let cursor = '';
    for (let page = 0; page < 4; page++) {
      const response = await ctx.app.inject({
        url: `/api/v1/admin/audit-events?staffUserId=${actor.user.id}&limit=1${cursor}`,
        headers: admin.bearer,
      });
      const body = response.json();
      seen.push(...body.items.map((item: { id: string }) => item.id));
      if (!body.nextCursor) break;
      cursor = `&cursor=${body.nextCursor}`;
    }
    expect(new Set(seen).size).toBe(3);
  });
});
