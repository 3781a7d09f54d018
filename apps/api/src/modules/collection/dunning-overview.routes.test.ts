import type { TDunningOverviewItem } from '@portal/contracts';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app';
import { importXml } from '../../../test/collection-factories';
import { expectProblem, signedInCustomer, signedInStaff } from '../../../test/factories';
import { issueInvoiceFor } from '../../../test/invoice-factories';
import { today as todayOf } from '../../lib/calendar';
import { addDays } from '../invoices/invoice-format';
import { camt053 } from './camt053-writer';
import { runDunning } from './dunning.service';
import { dunningSteps } from './rules/dunning';

const ctx = useTestApp();
const steps = dunningSteps([7, 21, 35]);

type Listed = { items: TDunningOverviewItem[]; nextCursor: string | null; hasMore: boolean };

describe('back office: the dunning overview', () => {
  it('lists overdue invoices oldest first with level, next step and stop; filters and pages', async () => {
    const billing = await signedInStaff(ctx.app, ctx.db, { staffRole: 'billing', name: 'Berta Buchhaltung' });
    const marker = `Kiebitz${Date.now()}`;
    const alice = await signedInCustomer(ctx.app, ctx.db, { name: `Alice ${marker}`, company: null });
    const bob = await signedInCustomer(ctx.app, ctx.db, { name: 'Bob', company: `${marker} GmbH` });
    const today = todayOf();
    // Dates relative to today: the overview reads the real clock, as the dunning job does.
    const reminded = await issueInvoiceFor(ctx.app, billing, alice.user.id, {
      issueDate: addDays(today, -24),
      dueDate: addDays(today, -10),
    });
    const older = await issueInvoiceFor(ctx.app, billing, bob.user.id, {
      issueDate: addDays(today, -54),
      dueDate: addDays(today, -40),
    });
    const notYetDue = await issueInvoiceFor(ctx.app, billing, alice.user.id, {
      issueDate: addDays(today, -1),
      dueDate: addDays(today, 13),
    });
    const paid = await issueInvoiceFor(ctx.app, billing, alice.user.id, {
      issueDate: addDays(today, -44),
      dueDate: addDays(today, -30),
    });
    const transfer = (id: string, amount: number) =>
      ctx.app.inject({
        method: 'POST',
        url: `/api/v1/admin/invoices/${id}/transfers`,
        headers: billing.bearer,
        payload: { amount, receivedOn: addDays(today, -2) },
      });
    expect((await transfer(paid.id, paid.amounts.gross)).statusCode).toBe(201);
    // A part paid by bank transfer (camt.053): the rest stays open.
    const partly = await importXml(
      ctx.app,
      billing,
      camt053({
        iban: 'DE02120300000000202051',
        entries: [
          { direction: 'CRDT', amountCents: 1_000, bookingDate: today, transactions: [{ remittance: older.number }] },
        ],
      }),
    );
    expect(partly.json()).toMatchObject({ matched: 1 });
    const stop = await ctx.app.inject({
      method: 'PUT',
      url: `/api/v1/admin/invoices/${older.id}/dunning-stop`,
      headers: billing.bearer,
      payload: { reason: 'Ratenzahlung vereinbart' },
    });
    expect(stop.statusCode, stop.body).toBe(200);
    // The job ran three days ago: the payment reminder of the younger invoice went out then.
    await runDunning(ctx.db, steps, new Date(`${addDays(today, -3)}T08:00:00Z`));

    const list = async (query: string) => {
      const response = await ctx.app.inject({ url: `/api/v1/admin/dunning?${query}`, headers: billing.bearer });
      expect(response.statusCode, response.body).toBe(200);
      return response.json<Listed>();
    };
    const numbers = (page: Listed) => page.items.map((item) => item.invoice.number);
    const q = `q=${encodeURIComponent(marker)}`;

    const all = await list(q);
    expect(numbers(all)).toEqual([older.number, reminded.number]);
    expect(numbers(all)).not.toContain(notYetDue.number);
    expect(all.items[0]).toEqual({
      customer: { id: bob.user.id, number: bob.user.customerNumber, name: 'Bob', company: `${marker} GmbH` },
      invoice: {
        id: older.id,
        number: older.number,
        dueDate: addDays(today, -40),
        total: older.amounts.gross,
        openAmount: older.amounts.gross - 1_000,
        currency: 'EUR',
      },
      daysOverdue: 40,
      // Stopped before the job reached it: nothing sent, and nothing will be while the stop holds.
      level: 0,
      lastNoticeOn: null,
      nextStep: null,
      stop: {
        reason: 'Ratenzahlung vereinbart',
        setAt: stop.json<{ setAt: string }>().setAt,
        setBy: { id: billing.user.id, name: 'Berta Buchhaltung' },
      },
    });
    expect(all.items[1]).toMatchObject({
      daysOverdue: 10,
      level: 1,
      lastNoticeOn: addDays(today, -3),
      // Second step: 21 days after the due date, and at least 14 after the reminder.
      nextStep: { level: 2, dueOn: addDays(today, 11) },
      stop: null,
    });

    expect(numbers(await list(`${q}&status=stopped`))).toEqual([older.number]);
    expect(numbers(await list(`${q}&status=active`))).toEqual([reminded.number]);
    expect(numbers(await list(`${q}&level=1`))).toEqual([reminded.number]);
    expect(numbers(await list(`${q}&level=0`))).toEqual([older.number]);
    expect(numbers(await list(`${q}&level=2`))).toEqual([]);
    expect(numbers(await list(`q=${reminded.number}`))).toEqual([reminded.number]);
    expect(numbers(await list(`q=${bob.user.customerNumber}`))).toEqual([older.number]);

    // Lifted, the job's rule applies again: the reminder is overdue, so the next run sends it (today).
    const lift = await ctx.app.inject({
      method: 'DELETE',
      url: `/api/v1/admin/invoices/${older.id}/dunning-stop`,
      headers: billing.bearer,
    });
    expect(lift.statusCode).toBe(204);
    expect((await list(`q=${older.number}`)).items[0]).toMatchObject({
      stop: null,
      nextStep: { level: 1, dueOn: today },
    });

    const first = await list(`${q}&limit=1`);
    expect(first).toMatchObject({ hasMore: true });
    expect(numbers(first)).toEqual([older.number]);
    const second = await list(`${q}&limit=1&cursor=${first.nextCursor}`);
    expect(second).toMatchObject({ hasMore: false, nextCursor: null });
    expect(numbers(second)).toEqual([reminded.number]);

    expectProblem(
      await ctx.app.inject({ url: '/api/v1/admin/dunning?cursor=nope', headers: billing.bearer }),
      400,
      'validation_failed',
    );
  });

  it('is for staff with the collections permission only', async () => {
    const support = await signedInStaff(ctx.app, ctx.db, { staffRole: 'support' });
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const admin = await signedInStaff(ctx.app, ctx.db, { staffRole: 'admin' });
    expectProblem(await ctx.app.inject({ url: '/api/v1/admin/dunning', headers: support.bearer }), 403, 'forbidden');
    expectProblem(await ctx.app.inject({ url: '/api/v1/admin/dunning', headers: customer.bearer }), 403, 'forbidden');
    expectProblem(await ctx.app.inject({ url: '/api/v1/admin/dunning' }), 401);
    expect((await ctx.app.inject({ url: '/api/v1/admin/dunning?limit=1', headers: admin.bearer })).statusCode).toBe(
      200,
    );
  });
});
