import { hash } from 'node:crypto';
import type { TInvoice, TInvoiceSummary } from '@portal/contracts';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app';
import { expectProblem, signedInCustomer, signedInStaff } from '../../../test/factories';
import { issueInvoiceFor } from '../../../test/invoice-factories';
import { payments } from '../../db/schema/index';
import { findEmailsTo } from '../../mail/outbox.repository';
import { asCustomerId } from '../customers/customer-id';
import { findUnpaidInvoices } from './invoices.repository';

const ctx = useTestApp({ PROVIDER_VAT_ID: 'DE999888777' });

describe('POST /admin/invoices', () => {
  it('issues an invoice with amounts per rate, snapshots and an e-mail', async () => {
    const staff = await signedInStaff(ctx.app, ctx.db);
    const customer = await signedInCustomer(ctx.app, ctx.db, { company: 'Kunde <b>AG</b>', vatId: 'DE111222333' });
    const invoice = await issueInvoiceFor(ctx.app, staff, customer.user.id, {
      issueDate: '2026-02-01',
      lines: [
        { description: 'Rack', quantity: 1, unit: 'Monat', unitPrice: 49_900, taxRate: 19 },
        { description: 'Fachbuch', quantity: 3, unit: 'Stück', unitPrice: 1_999, taxRate: 7 },
      ],
    });
    expect(invoice.number).toMatch(/^RE-2026-\d{6}$/);
    expect(invoice.status).toBe('open');
    expect(invoice.lines.map((line) => line.net)).toEqual([49_900, 5_997]);
    expect(invoice.taxes).toEqual([
      { taxRate: 19, net: 49_900, tax: 9_481, gross: 59_381 },
      { taxRate: 7, net: 5_997, tax: 420, gross: 6_417 },
    ]);
    expect(invoice.amounts).toEqual({ net: 55_897, tax: 9_901, gross: 65_798 });
    expect(invoice.billingAddress).toMatchObject({ company: 'Kunde <b>AG</b>', vatId: 'DE111222333' });
    expect(invoice.transferInstructions).toMatchObject({ reference: invoice.number, amount: 65_798 });
    const mails = await findEmailsTo(ctx.db, customer.user.email);
    expect(mails.map((mail) => mail.subject)).toContain(`Neue Rechnung ${invoice.number}`);
  });

  it('allocates gap-free numbers per year under concurrency', async () => {
    const staff = await signedInStaff(ctx.app, ctx.db);
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const issued = await Promise.all(
      Array.from({ length: 12 }, () => issueInvoiceFor(ctx.app, staff, customer.user.id, { issueDate: '2031-01-05' })),
    );
    const sequences = issued.map((invoice) => Number(invoice.number.slice(-6))).sort((a, b) => a - b);
    expect(sequences).toEqual(Array.from({ length: 12 }, (_, index) => index + 1));
    const nextYear = await issueInvoiceFor(ctx.app, staff, customer.user.id, { issueDate: '2032-01-02' });
    expect(nextYear.number).toBe('RE-2032-000001');
    // Thirteen invoices, each rendered by Chromium one after another behind the number lock.
  }, 120_000);

  it('names invalid fields and answers 404 for an unknown customer', async () => {
    const staff = await signedInStaff(ctx.app, ctx.db);
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const invalid = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/admin/invoices',
      headers: staff.bearer,
      payload: {
        customerId: customer.user.id,
        servicePeriod: { start: '2026-03-01', end: '2026-02-01' },
        lines: [{ description: 'Export', quantity: 1.2345, unit: 'x', unitPrice: 100 }],
      },
    });
    const problem = expectProblem(invalid, 400, 'validation_failed');
    expect(problem.errors?.map((error) => error.path).sort()).toEqual(['lines.0.quantity', 'servicePeriod.end']);
    const unknown = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/admin/invoices',
      headers: staff.bearer,
      payload: {
        customerId: staff.user.id,
        servicePeriod: { start: '2026-03-01', end: '2026-03-31' },
        lines: [{ description: 'x', quantity: 1, unit: 'x', unitPrice: 100 }],
      },
    });
    expectProblem(unknown, 404, 'not_found');
  });

  it('answers 403 to customers and 401 without a session', async () => {
    const customer = await signedInCustomer(ctx.app, ctx.db);
    for (const url of [
      '/api/v1/admin/invoices',
      `/api/v1/admin/invoices/${customer.user.id}/cancellation`,
      `/api/v1/admin/invoices/${customer.user.id}/transfers`,
    ]) {
      expectProblem(
        await ctx.app.inject({ method: 'POST', url, headers: customer.bearer, payload: {} }),
        403,
        'forbidden',
      );
      expectProblem(await ctx.app.inject({ method: 'POST', url, payload: {} }), 401, 'unauthenticated');
    }
  });
});

describe('GET /invoices', () => {
  it('tags a page by the text it sends: 304 for that tag, a new tag once the page changes', async () => {
    const staff = await signedInStaff(ctx.app, ctx.db);
    const customer = await signedInCustomer(ctx.app, ctx.db);
    await issueInvoiceFor(ctx.app, staff, customer.user.id, { issueDate: '2026-01-01' });
    const page = await ctx.app.inject({ url: '/api/v1/invoices', headers: customer.bearer });
    expect(page.statusCode).toBe(200);
    const tag = String(page.headers.etag);
    expect(tag).toBe(`W/"${hash('sha256', page.body, 'base64url').slice(0, 27)}"`);

    const unchanged = await ctx.app.inject({
      url: '/api/v1/invoices',
      headers: { ...customer.bearer, 'if-none-match': tag },
    });
    expect(unchanged.statusCode).toBe(304);
    expect(unchanged.body).toBe('');
    expect(unchanged.headers.etag).toBe(tag);

    await issueInvoiceFor(ctx.app, staff, customer.user.id, { issueDate: '2026-02-01' });
    const changed = await ctx.app.inject({
      url: '/api/v1/invoices',
      headers: { ...customer.bearer, 'if-none-match': tag },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).not.toBe(tag);
    expect(changed.json<{ items: TInvoiceSummary[] }>().items).toHaveLength(2);
  });

  it('lists newest first with statuses, filters and keyset pagination', async () => {
    const staff = await signedInStaff(ctx.app, ctx.db);
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const overdue = await issueInvoiceFor(ctx.app, staff, customer.user.id, {
      issueDate: '2026-01-01',
      dueDate: '2026-01-15',
    });
    const open = await issueInvoiceFor(ctx.app, staff, customer.user.id, { issueDate: '2026-02-01' });
    const newest = await issueInvoiceFor(ctx.app, staff, customer.user.id, { issueDate: '2026-03-01' });

    const all = await ctx.app.inject({ url: '/api/v1/invoices', headers: customer.bearer });
    expect(all.statusCode).toBe(200);
    const items = all.json<{ items: TInvoiceSummary[] }>().items;
    expect(items.map((item) => item.id)).toEqual([newest.id, open.id, overdue.id]);
    expect(items.find((item) => item.id === overdue.id)?.status).toBe('overdue');

    const filtered = await ctx.app.inject({ url: '/api/v1/invoices?status=overdue', headers: customer.bearer });
    expect(filtered.json<{ items: TInvoiceSummary[] }>().items.map((item) => item.id)).toEqual([overdue.id]);
    const openOnes = await ctx.app.inject({ url: '/api/v1/invoices?status=open,paid', headers: customer.bearer });
    expect(openOnes.json<{ items: TInvoiceSummary[] }>().items.map((item) => item.id)).toEqual([newest.id, open.id]);

    const first = (await ctx.app.inject({ url: '/api/v1/invoices?limit=2', headers: customer.bearer })).json();
    expect(first.items).toHaveLength(2);
    const second = (
      await ctx.app.inject({ url: `/api/v1/invoices?limit=2&cursor=${first.nextCursor}`, headers: customer.bearer })
    ).json();
    expect(second.items.map((item: TInvoiceSummary) => item.id)).toEqual([overdue.id]);
    expect(second.nextCursor).toBeNull();

    expect(await findUnpaidInvoices(ctx.db, customer.user.id)).toHaveLength(3);
    const overview = await ctx.app.inject({ url: '/api/v1/overview', headers: customer.bearer });
    expect(
      overview
        .json()
        .openInvoices.map((item: TInvoiceSummary) => item.status)
        .sort(),
    ).toEqual(['open', 'open', 'overdue']);
  });

  it('counts the payments of each invoice: open amount of a part-paid invoice, a pending debit in the filter', async () => {
    const staff = await signedInStaff(ctx.app, ctx.db);
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const partPaid = await issueInvoiceFor(ctx.app, staff, customer.user.id, { issueDate: '2026-02-01' });
    const debited = await issueInvoiceFor(ctx.app, staff, customer.user.id, {
      issueDate: '2026-01-01',
      dueDate: '2026-01-15',
    });
    const payment = { customerId: asCustomerId(customer.user.id), currency: 'EUR' } as const;
    await ctx.db.insert(payments).values([
      { ...payment, invoiceId: partPaid.id, method: 'bank_transfer', status: 'succeeded', amountCents: 1_000 },
      {
        ...payment,
        invoiceId: debited.id,
        method: 'sepa_debit',
        status: 'pending',
        amountCents: debited.amounts.gross,
      },
    ]);

    const list = (await ctx.app.inject({ url: '/api/v1/invoices', headers: customer.bearer })).json();
    const listed = list.items.find((item: TInvoiceSummary) => item.id === partPaid.id);
    expect(listed?.openAmount).toBe(partPaid.amounts.gross - 1_000);
    const overview = (await ctx.app.inject({ url: '/api/v1/overview', headers: customer.bearer })).json();
    const shown = overview.openInvoices.find((item: TInvoiceSummary) => item.id === partPaid.id);
    expect(shown?.openAmount).toBe(partPaid.amounts.gross - 1_000);
    // Past its due date, but the bank collects it: not overdue.
    const overdue = await ctx.app.inject({ url: '/api/v1/invoices?status=overdue', headers: customer.bearer });
    expect(overdue.json<{ items: TInvoiceSummary[] }>().items).toEqual([]);
    const open = await ctx.app.inject({ url: '/api/v1/invoices?status=open', headers: customer.bearer });
    expect(open.json<{ items: TInvoiceSummary[] }>().items.map((item) => item.id)).toEqual([partPaid.id, debited.id]);
  });

  it('names a bad status and a bad cursor', async () => {
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const status = await ctx.app.inject({ url: '/api/v1/invoices?status=lost', headers: customer.bearer });
    expect(expectProblem(status, 400, 'validation_failed').errors?.[0]?.path).toBe('query.status.0');
    const cursor = await ctx.app.inject({ url: '/api/v1/invoices?cursor=nonsense', headers: customer.bearer });
    expect(expectProblem(cursor, 400, 'validation_failed').errors?.[0]?.path).toBe('query.cursor');
  });

  it("shows only the caller's own invoices; another customer's answers 404; no session 401", async () => {
    const staff = await signedInStaff(ctx.app, ctx.db);
    const owner = await signedInCustomer(ctx.app, ctx.db);
    const stranger = await signedInCustomer(ctx.app, ctx.db);
    const invoice = await issueInvoiceFor(ctx.app, staff, owner.user.id);
    const list = await ctx.app.inject({ url: '/api/v1/invoices', headers: stranger.bearer });
    expect(list.json().items).toEqual([]);
    for (const url of [`/api/v1/invoices/${invoice.id}`, `/api/v1/invoices/${invoice.id}/pdf`]) {
      expectProblem(await ctx.app.inject({ url, headers: stranger.bearer }), 404, 'not_found');
      expectProblem(await ctx.app.inject({ url }), 401, 'unauthenticated');
    }
    expectProblem(await ctx.app.inject({ url: '/api/v1/invoices' }), 401, 'unauthenticated');
    expectProblem(await ctx.app.inject({ url: '/api/v1/payment-methods' }), 401, 'unauthenticated');
    const detail = await ctx.app.inject({ url: `/api/v1/invoices/${invoice.id}`, headers: owner.bearer });
    expect(detail.json<TInvoice>().payments).toEqual([]);
  });
});

describe('POST /admin/invoices/:id/cancellation', () => {
  it('issues a cancellation invoice reversing every amount and cancels the original once', async () => {
    const staff = await signedInStaff(ctx.app, ctx.db);
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const invoice = await issueInvoiceFor(ctx.app, staff, customer.user.id);
    const url = `/api/v1/admin/invoices/${invoice.id}/cancellation`;
    const response = await ctx.app.inject({
      method: 'POST',
      url,
      headers: staff.bearer,
      payload: { reason: 'Doppelt berechnet' },
    });
    expect(response.statusCode, response.body).toBe(201);
    const cancellation = response.json<TInvoice>();
    expect(cancellation).toMatchObject({ kind: 'cancellation', status: 'cancelled', cancelsInvoiceId: invoice.id });
    expect(cancellation.amounts).toEqual({
      net: -invoice.amounts.net,
      tax: -invoice.amounts.tax,
      gross: -invoice.amounts.gross,
    });
    expect(cancellation.number > invoice.number).toBe(true);
    const original = (
      await ctx.app.inject({ url: `/api/v1/invoices/${invoice.id}`, headers: customer.bearer })
    ).json<TInvoice>();
    expect(original).toMatchObject({
      status: 'cancelled',
      cancelledByInvoiceId: cancellation.id,
      transferInstructions: null,
    });
    const again = await ctx.app.inject({ method: 'POST', url, headers: staff.bearer, payload: { reason: 'nochmal' } });
    expectProblem(again, 409, 'conflict');
    const missing = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/admin/invoices/${customer.user.id}/cancellation`,
      headers: staff.bearer,
      payload: { reason: 'x' },
    });
    expectProblem(missing, 404, 'not_found');
  });

  it('never lets an issued invoice change in the database', async () => {
    const staff = await signedInStaff(ctx.app, ctx.db);
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const invoice = await issueInvoiceFor(ctx.app, staff, customer.user.id);
    const { sql } = await import('drizzle-orm');
    await expect(
      ctx.db.execute(sql`update invoices set gross_cents = 1, net_cents = 1, tax_cents = 0 where id = ${invoice.id}`),
    ).rejects.toThrow();
    await expect(
      ctx.db.execute(sql`update invoice_lines set description = 'x' where invoice_id = ${invoice.id}`),
    ).rejects.toThrow();
  });
});
