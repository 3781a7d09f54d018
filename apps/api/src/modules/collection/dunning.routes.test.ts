import type { TInvoice, TInvoiceSummary } from '@portal/contracts';
import { asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app';
import { collectionDay, customerWithMandate, debitInvoiceFor } from '../../../test/collection-factories';
import { expectProblem, signedInCustomer, signedInStaff } from '../../../test/factories';
import { issueInvoiceFor } from '../../../test/invoice-factories';
import { customerAccountEntries, invoices, staffAuditEvents } from '../../db/schema/index';
import { findEmailsTo } from '../../mail/outbox.repository';
import { addDays } from '../invoices/invoice-format';
import { runDunning } from './dunning.service';
import { dunningSteps } from './rules/dunning';

const ctx = useTestApp();
const steps = dunningSteps([7, 21, 35]);
/** The dunning job's clock, set to a day after the due date. */
const at = (dueDate: string, days: number) => new Date(`${addDays(dueDate, days)}T08:00:00Z`);

const invoiceOf = async (id: string, headers: Record<string, string>) =>
  (await ctx.app.inject({ url: `/api/v1/invoices/${id}`, headers })).json<TInvoice>();

describe('dunning', () => {
  it('reminds at due + 7, sends the first Mahnung at + 21 and the second at + 35 with €40 for a business', async () => {
    const staff = await signedInStaff(ctx.app, ctx.db);
    const customer = await signedInCustomer(ctx.app, ctx.db, { customerType: 'business' });
    const due = '2026-10-01';
    const invoice = await issueInvoiceFor(ctx.app, staff, customer.user.id, { issueDate: '2026-09-17', dueDate: due });
    const levels = async () => (await invoiceOf(invoice.id, customer.bearer)).dunningLevel;

    await runDunning(ctx.db, steps, at(due, 6));
    expect(await levels()).toBeNull();
    await runDunning(ctx.db, steps, at(due, 7));
    expect(await levels()).toBe(1);
    // Idempotent: the same day again sends nothing more.
    await runDunning(ctx.db, steps, at(due, 7));
    await runDunning(ctx.db, steps, at(due, 20));
    expect(await levels()).toBe(1);
    await runDunning(ctx.db, steps, at(due, 21));
    expect(await levels()).toBe(2);
    await runDunning(ctx.db, steps, at(due, 35));
    const detail = await invoiceOf(invoice.id, customer.bearer);
    expect(detail.dunningLevel).toBe(3);
    const list = await ctx.app.inject({ url: '/api/v1/invoices', headers: customer.bearer });
    expect(list.json<{ items: TInvoiceSummary[] }>().items.map((item) => item.dunningLevel)).toEqual([3]);
    expect(detail.history.filter((event) => event.type === 'reminder')).toEqual([
      { type: 'reminder', date: addDays(due, 7), level: 1, fee: 0 },
      { type: 'reminder', date: addDays(due, 21), level: 2, fee: 0 },
      { type: 'reminder', date: addDays(due, 35), level: 3, fee: 4_000 },
    ]);
    const subjects = (await findEmailsTo(ctx.db, customer.user.email)).map((mail) => mail.subject);
    expect(subjects).toEqual(
      expect.arrayContaining([
        `Zahlungserinnerung zu Rechnung ${invoice.number}`,
        `1. Mahnung zu Rechnung ${invoice.number}`,
        `2. Mahnung zu Rechnung ${invoice.number}`,
      ]),
    );
    const fees = await ctx.db
      .select()
      .from(customerAccountEntries)
      .where(eq(customerAccountEntries.customerId, customer.user.id));
    expect(fees.map((entry) => [entry.kind, entry.amountCents])).toEqual([['dunning_fee', -4_000]]);
    await runDunning(ctx.db, steps, at(due, 90));
    expect(await levels()).toBe(3);
  });

  it('a late start sends one step at a time, and a consumer owes no flat fee', async () => {
    const staff = await signedInStaff(ctx.app, ctx.db);
    const customer = await signedInCustomer(ctx.app, ctx.db, { customerType: 'consumer' });
    const due = '2026-09-01';
    const invoice = await issueInvoiceFor(ctx.app, staff, customer.user.id, { issueDate: '2026-08-18', dueDate: due });
    await runDunning(ctx.db, steps, at(due, 60));
    expect((await invoiceOf(invoice.id, customer.bearer)).dunningLevel).toBe(1);
    await runDunning(ctx.db, steps, at(due, 70));
    expect((await invoiceOf(invoice.id, customer.bearer)).dunningLevel).toBe(1);
    await runDunning(ctx.db, steps, at(due, 74));
    await runDunning(ctx.db, steps, at(due, 88));
    const detail = await invoiceOf(invoice.id, customer.bearer);
    expect(
      detail.history
        .filter((event) => event.type === 'reminder')
        .map((event) => event.type === 'reminder' && event.fee),
    ).toEqual([0, 0, 0]);
  });

  it('no dunning while staff set a stop, until they lift it', async () => {
    const staff = await signedInStaff(ctx.app, ctx.db);
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const due = '2026-10-05';
    const invoice = await issueInvoiceFor(ctx.app, staff, customer.user.id, { issueDate: '2026-09-21', dueDate: due });
    const url = `/api/v1/admin/invoices/${invoice.id}/dunning-stop`;
    const stop = await ctx.app.inject({
      method: 'PUT',
      url,
      headers: staff.bearer,
      payload: { reason: 'Reklamation' },
    });
    expect(stop.statusCode, stop.body).toBe(200);
    expect(stop.json()).toMatchObject({ invoiceId: invoice.id, reason: 'Reklamation' });
    await runDunning(ctx.db, steps, at(due, 30));
    expect((await invoiceOf(invoice.id, customer.bearer)).dunningLevel).toBeNull();
    expect((await ctx.app.inject({ method: 'DELETE', url, headers: staff.bearer })).statusCode).toBe(204);
    expect((await ctx.app.inject({ method: 'DELETE', url, headers: staff.bearer })).statusCode).toBe(204);
    // The audit log names the customer of each, so the back office finds them on the customer.
    const [issued] = await ctx.db
      .select({ customerId: invoices.customerId })
      .from(invoices)
      .where(eq(invoices.id, invoice.id));
    const audited = await ctx.db
      .select({ action: staffAuditEvents.action, customerId: staffAuditEvents.customerId })
      .from(staffAuditEvents)
      .where(eq(staffAuditEvents.subjectId, invoice.id))
      .orderBy(asc(staffAuditEvents.occurredAt));
    expect(audited.filter((row) => row.action.endsWith('DunningStop'))).toEqual([
      { action: 'setDunningStop', customerId: issued?.customerId },
      { action: 'liftDunningStop', customerId: issued?.customerId },
      { action: 'liftDunningStop', customerId: issued?.customerId },
    ]);
    await runDunning(ctx.db, steps, at(due, 30));
    expect((await invoiceOf(invoice.id, customer.bearer)).dunningLevel).toBe(1);
    expectProblem(await ctx.app.inject({ method: 'DELETE', url, headers: customer.bearer }), 403, 'forbidden');
    const missing = `/api/v1/admin/invoices/${customer.user.id}/dunning-stop`;
    expectProblem(
      await ctx.app.inject({ method: 'PUT', url: missing, headers: staff.bearer, payload: { reason: 'x' } }),
      404,
      'not_found',
    );
  });

  it('no dunning while a direct debit is announced or submitted', async () => {
    const staff = await signedInStaff(ctx.app, ctx.db);
    const customer = await customerWithMandate(ctx.app, ctx.db);
    const day = collectionDay(2);
    const invoice = await debitInvoiceFor(ctx.app, staff, customer.user.id, day);
    await runDunning(ctx.db, steps, at(day, 40));
    const detail = await invoiceOf(invoice.id, customer.bearer);
    expect(detail.dunningLevel).toBeNull();
    expect(detail.history.some((event) => event.type === 'reminder')).toBe(false);
  });
});
