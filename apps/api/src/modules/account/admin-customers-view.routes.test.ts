import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app';
import { expectProblem, signedInCustomer, signedInStaff } from '../../../test/factories';
import { openTicketAs } from '../../../test/tickets';

const ctx = useTestApp();

describe('back office: customers', () => {
  it('finds customers by number, name, e-mail or company, with the id that issuing an invoice takes', async () => {
    const support = await signedInStaff(ctx.app, ctx.db, { staffRole: 'support' });
    const marker = `Kranich${Date.now()}`;
    const alice = await signedInCustomer(ctx.app, ctx.db, { name: `Alice ${marker}`, company: 'Alpha_% GmbH' });
    const bob = await signedInCustomer(ctx.app, ctx.db, { name: `Bob ${marker}` });
    const search = async (q: string, extra = '') =>
      (
        await ctx.app.inject({
          url: `/api/v1/admin/customers?q=${encodeURIComponent(q)}${extra}`,
          headers: support.bearer,
        })
      ).json();

    expect((await search(marker)).items.map((item: { id: string }) => item.id)).toEqual([bob.user.id, alice.user.id]);
    expect((await search(alice.user.customerNumber ?? '')).items).toEqual([
      expect.objectContaining({ id: alice.user.id, customerNumber: alice.user.customerNumber, disabled: false }),
    ]);
    expect((await search(bob.user.email.toUpperCase())).items).toHaveLength(1);
    // `%` and `_` are literal.
    expect((await search('Alpha_%')).items.map((item: { id: string }) => item.id)).toEqual([alice.user.id]);
    expect((await search('_%')).items.map((item: { id: string }) => item.id)).toEqual([alice.user.id]);

    const first = await search(marker, '&limit=1');
    expect(first.items.map((item: { id: string }) => item.id)).toEqual([bob.user.id]);
    const next = await search(marker, `&limit=1&cursor=${first.nextCursor}`);
    expect(next.items.map((item: { id: string }) => item.id)).toEqual([alice.user.id]);
    expect(next.nextCursor).toBeNull();
    // Staff are no customers.
    expect((await search(support.user.email)).items).toEqual([]);
    expectProblem(
      await ctx.app.inject({ url: '/api/v1/admin/customers?cursor=nope', headers: support.bearer }),
      400,
      'validation_failed',
    );
  });

  it('pages through customers created in the same microsecond without losing one', async () => {
    const support = await signedInStaff(ctx.app, ctx.db, { staffRole: 'support' });
    const marker = `Reiher${Date.now()}`;
    const created = [
      await signedInCustomer(ctx.app, ctx.db, { name: `Carla ${marker}` }),
      await signedInCustomer(ctx.app, ctx.db, { name: `Dirk ${marker}` }),
    ];
    // As one statement creates many (an import): the same instant, finer than a millisecond.
    const ids = created.map((customer) => customer.user.id);
    await ctx.db.execute(
      sql`update customers set created_at = '2026-11-30T10:00:00.123456Z' where id in (${ids[0]}, ${ids[1]})`,
    );
    const page = async (extra: string) =>
      (
        await ctx.app.inject({ url: `/api/v1/admin/customers?q=${marker}&limit=1${extra}`, headers: support.bearer })
      ).json();
    const first = await page('');
    const next = await page(`&cursor=${first.nextCursor}`);
    expect([...first.items, ...next.items].map((item: { id: string }) => item.id).sort()).toEqual([...ids].sort());
    expect(next.nextCursor).toBeNull();
  });

  it('shows a customer with tickets; an unknown id or a staff member is 404; customers get 403', async () => {
    const billing = await signedInStaff(ctx.app, ctx.db, { staffRole: 'billing' });
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const ticket = await openTicketAs(ctx.app, customer.bearer);
    const detail = await ctx.app.inject({
      url: `/api/v1/admin/customers/${customer.user.id}`,
      headers: billing.bearer,
    });
    expect(detail.statusCode, detail.body).toBe(200);
    expect(detail.json()).toMatchObject({
      id: customer.user.id,
      email: customer.user.email,
      address: { city: 'Flensburg' },
      products: [],
      invoices: [],
      tickets: [{ id: ticket.id }],
    });
    expectProblem(
      await ctx.app.inject({ url: `/api/v1/admin/customers/${billing.user.id}`, headers: billing.bearer }),
      404,
      'not_found',
    );
    expectProblem(
      await ctx.app.inject({ url: `/api/v1/admin/customers/${customer.user.id}`, headers: customer.bearer }),
      403,
      'forbidden',
    );
  });
});
