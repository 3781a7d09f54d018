import type { TAdminInvoiceListItem } from '@portal/contracts';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app';
import { expectProblem, signedInCustomer, signedInStaff } from '../../../test/factories';
import { issueInvoiceFor } from '../../../test/invoice-factories';

const ctx = useTestApp();

type Listed = { items: TAdminInvoiceListItem[]; nextCursor: string | null; hasMore: boolean };

describe('back office: the list of every invoice', () => {
  it('finds invoices by number, customer and status across customers, newest first, page by page', async () => {
    const billing = await signedInStaff(ctx.app, ctx.db, { staffRole: 'billing' });
    const marker = `Reiher${Date.now()}`;
    const alice = await signedInCustomer(ctx.app, ctx.db, { name: `Alice ${marker}`, company: null });
    const bob = await signedInCustomer(ctx.app, ctx.db, { name: 'Bob', company: `${marker} GmbH` });
    const older = await issueInvoiceFor(ctx.app, billing, alice.user.id, {
      issueDate: '2026-02-01',
      dueDate: '2026-02-15',
    });
    const newer = await issueInvoiceFor(ctx.app, billing, bob.user.id, { issueDate: '2026-03-01' });
    const list = async (query: string) => {
      const response = await ctx.app.inject({ url: `/api/v1/admin/invoices?${query}`, headers: billing.bearer });
      expect(response.statusCode, response.body).toBe(200);
      return response.json<Listed>();
    };
    const ids = (page: Listed) => page.items.map((item) => item.id);
    const q = `q=${encodeURIComponent(marker)}`;

    const all = await list(q);
    expect(ids(all)).toEqual([newer.id, older.id]);
    expect(all.items[0]).toEqual({
      id: newer.id,
      number: newer.number,
      kind: 'invoice',
      issueDate: '2026-03-01',
      dueDate: newer.dueDate,
      status: 'open',
      currency: 'EUR',
      amounts: newer.amounts,
      openAmount: newer.amounts.gross,
      customerId: bob.user.id,
      customerNumber: bob.user.customerNumber,
      customerName: 'Bob',
      customerCompany: `${marker} GmbH`,
    });
    expect(all.items[1]).toMatchObject({ status: 'overdue', customerCompany: null });

    expect(ids(await list(`q=${newer.number}`))).toEqual([newer.id]);
    expect(ids(await list(`q=${alice.user.customerNumber}`))).toEqual([older.id]);
    expect(ids(await list(`customerId=${bob.user.id}`))).toEqual([newer.id]);
    expect(ids(await list(`${q}&status=overdue`))).toEqual([older.id]);
    expect(ids(await list(`${q}&status=open,paid`))).toEqual([newer.id]);

    const first = await list(`${q}&limit=1`);
    expect(first).toMatchObject({ hasMore: true, items: [{ id: newer.id }] });
    const second = await list(`${q}&limit=1&cursor=${first.nextCursor}`);
    expect(second).toMatchObject({ hasMore: false, nextCursor: null, items: [{ id: older.id }] });

    // A cancellation is listed too; the cancelled invoice turns `cancelled`.
    const cancelled = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/admin/invoices/${newer.id}/cancellation`,
      headers: billing.bearer,
      payload: { reason: 'Falscher Kunde' },
    });
    expect(cancelled.statusCode, cancelled.body).toBe(201);
    const afterCancel = await list(`customerId=${bob.user.id}`);
    expect(afterCancel.items.map((item) => [item.kind, item.status])).toEqual(
      expect.arrayContaining([
        ['cancellation', 'cancelled'],
        ['invoice', 'cancelled'],
      ]),
    );
    expect(ids(await list(`customerId=${bob.user.id}&status=open`))).toEqual([]);

    expectProblem(
      await ctx.app.inject({ url: '/api/v1/admin/invoices?cursor=nope', headers: billing.bearer }),
      400,
      'validation_failed',
    );
    expectProblem(
      await ctx.app.inject({ url: '/api/v1/admin/invoices?status=late', headers: billing.bearer }),
      400,
      'validation_failed',
    );
  });

  it('shows staff one invoice with lines, taxes and payments, as the customer sees it', async () => {
    const billing = await signedInStaff(ctx.app, ctx.db, { staffRole: 'billing' });
    const support = await signedInStaff(ctx.app, ctx.db, { staffRole: 'support' });
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const invoice = await issueInvoiceFor(ctx.app, billing, customer.user.id);
    const url = `/api/v1/admin/invoices/${invoice.id}`;
    const paid = await ctx.app.inject({
      method: 'POST',
      url: `${url}/transfers`,
      headers: billing.bearer,
      payload: { amount: invoice.amounts.gross, receivedOn: invoice.issueDate, reference: invoice.number },
    });
    expect(paid.statusCode, paid.body).toBe(201);

    const staffView = await ctx.app.inject({ url, headers: billing.bearer });
    expect(staffView.statusCode, staffView.body).toBe(200);
    const customerView = await ctx.app.inject({ url: `/api/v1/invoices/${invoice.id}`, headers: customer.bearer });
    expect(staffView.json()).toEqual({ ...customerView.json(), customerId: customer.user.id });
    expect(staffView.json()).toMatchObject({
      status: 'paid',
      lines: [expect.objectContaining({ unit: 'HE' }), expect.objectContaining({ description: 'Remote Hands' })],
      payments: [expect.objectContaining({ method: 'bank_transfer', amount: invoice.amounts.gross })],
    });

    expectProblem(await ctx.app.inject({ url, headers: support.bearer }), 403, 'forbidden');
    expectProblem(await ctx.app.inject({ url, headers: customer.bearer }), 403, 'forbidden');
    expectProblem(
      await ctx.app.inject({ url: `/api/v1/admin/invoices/${customer.user.id}`, headers: billing.bearer }),
      404,
      'not_found',
    );
  });

  it('refuses customers and staff roles without the invoices permission', async () => {
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const support = await signedInStaff(ctx.app, ctx.db, { staffRole: 'support' });
    for (const who of [customer, support]) {
      expectProblem(await ctx.app.inject({ url: '/api/v1/admin/invoices', headers: who.bearer }), 403, 'forbidden');
    }
  });

  it('serves staff the archived PDF the customer downloads, byte for byte', async () => {
    const billing = await signedInStaff(ctx.app, ctx.db, { staffRole: 'billing' });
    const support = await signedInStaff(ctx.app, ctx.db, { staffRole: 'support' });
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const invoice = await issueInvoiceFor(ctx.app, billing, customer.user.id);
    const url = `/api/v1/admin/invoices/${invoice.id}/pdf`;

    const staffCopy = await ctx.app.inject({ url, headers: billing.bearer });
    expect(staffCopy.statusCode, staffCopy.body).toBe(200);
    expect(staffCopy.headers['content-type']).toBe('application/pdf');
    expect(staffCopy.headers['content-disposition']).toBe(`inline; filename="${invoice.number}.pdf"`);
    const customerCopy = await ctx.app.inject({ url: `/api/v1/invoices/${invoice.id}/pdf`, headers: customer.bearer });
    expect(staffCopy.rawPayload.equals(customerCopy.rawPayload)).toBe(true);
    expect(staffCopy.headers.etag).toBe(customerCopy.headers.etag);
    const again = await ctx.app.inject({
      url,
      headers: { ...billing.bearer, 'if-none-match': String(staffCopy.headers.etag) },
    });
    expect(again.statusCode).toBe(304);

    expectProblem(
      await ctx.app.inject({ url: `/api/v1/admin/invoices/${customer.user.id}/pdf`, headers: billing.bearer }),
      404,
      'not_found',
    );
    for (const who of [customer, support]) {
      expectProblem(await ctx.app.inject({ url, headers: who.bearer }), 403, 'forbidden');
    }
  });
});
