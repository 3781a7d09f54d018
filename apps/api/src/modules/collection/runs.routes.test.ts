import type { TDirectDebitRun, TInvoice, TInvoiceSummary } from '@portal/contracts';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app';
import { collectionDay, customerWithMandate, debitInvoiceFor, staffPost } from '../../../test/collection-factories';
import { expectProblem, signedInCustomer, signedInStaff } from '../../../test/factories';
import { issueInvoiceFor } from '../../../test/invoice-factories';
import { directDebits, sepaMandates } from '../../db/schema/index';
import { today } from '../../lib/calendar';
import { findEmailsTo } from '../../mail/outbox.repository';
import { validateAgainst } from './xml-schemas';

const ctx = useTestApp();
const RUNS = '/api/v1/admin/direct-debit-runs';

const invoiceOf = async (id: string, headers: Record<string, string>) =>
  (await ctx.app.inject({ url: `/api/v1/invoices/${id}`, headers })).json<TInvoice>();

describe('pre-notification at issue', () => {
  it('an invoice for a customer with a mandate announces the debit for its due date, in the portal and the e-mail', async () => {
    const staff = await signedInStaff(ctx.app, ctx.db);
    const customer = await customerWithMandate(ctx.app, ctx.db);
    const due = collectionDay(30);
    const invoice = await debitInvoiceFor(ctx.app, staff, customer.user.id, due);
    expect(invoice).toMatchObject({
      status: 'open',
      directDebit: { status: 'announced', collectionDate: due, mandateReference: customer.mandate.reference },
      openAmount: invoice.amounts.gross,
    });
    expect(invoice.history.map((event) => event.type)).toEqual(['issued', 'debit_announced']);
    // No transfer instructions: the bank collects it.
    expect(invoice.transferInstructions).toBeNull();
    const [mail] = await findEmailsTo(ctx.db, customer.user.email);
    expect(mail?.textBody).toContain('Vorabankündigung');
    expect(mail?.textBody).toContain(customer.mandate.reference);
    expect(mail?.textBody).toContain('DE98ZZZ09999999999');
    const [day, month, year] = [due.slice(8), due.slice(5, 7), due.slice(0, 4)];
    expect(mail?.textBody).toContain(`${day}.${month}.${year}`);
  });

  it('refuses a due date inside the pre-notification period, and issues by transfer when told so', async () => {
    const staff = await signedInStaff(ctx.app, ctx.db);
    const customer = await customerWithMandate(ctx.app, ctx.db);
    const day = today();
    const response = await staffPost(ctx.app, staff, '/api/v1/admin/invoices', {
      customerId: customer.user.id,
      issueDate: day,
      dueDate: day,
      servicePeriod: { start: '2026-03-01', end: '2026-03-31' },
      lines: [{ description: 'Colocation', quantity: 1, unit: 'HE', unitPrice: 4_900 }],
    });
    expect(expectProblem(response, 400, 'validation_failed').errors?.[0]?.path).toBe('dueDate');
    const transfer = await staffPost(ctx.app, staff, '/api/v1/admin/invoices', {
      customerId: customer.user.id,
      issueDate: day,
      dueDate: day,
      directDebit: false,
      servicePeriod: { start: '2026-03-01', end: '2026-03-31' },
      lines: [{ description: 'Colocation', quantity: 1, unit: 'HE', unitPrice: 4_900 }],
    });
    expect(transfer.statusCode, transfer.body).toBe(201);
    expect(transfer.json<TInvoice>().directDebit).toBeNull();
  });
});

describe('collection runs', () => {
  it('writes one pain.008.001.02 per run that the schema accepts; its invoices are submitted, once', async () => {
    const staff = await signedInStaff(ctx.app, ctx.db);
    const first = await customerWithMandate(ctx.app, ctx.db);
    const second = await customerWithMandate(ctx.app, ctx.db, 'DE02120300000000202051');
    const day = collectionDay(3);
    const a = await debitInvoiceFor(ctx.app, staff, first.user.id, day);
    const b = await debitInvoiceFor(ctx.app, staff, second.user.id, day);

    const created = await staffPost(ctx.app, staff, RUNS, { collectionDate: day });
    expect(created.statusCode, created.body).toBe(201);
    const run = created.json<TDirectDebitRun>();
    expect(run).toMatchObject({ collectionDate: day, count: 2, totalAmount: a.amounts.gross + b.amounts.gross });

    const listed = await ctx.app.inject({ url: RUNS, headers: staff.bearer });
    expect(listed.json<{ items: TDirectDebitRun[] }>().items.map((item) => item.id)).toContain(run.id);

    const file = await ctx.app.inject({ url: `${RUNS}/${run.id}/pain.008`, headers: staff.bearer });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('application/xml');
    const xml = file.body;
    expect(await validateAgainst('pain.008.001.02', xml)).toEqual({ valid: true, errors: [] });
    expect(xml).toContain('<SeqTp>FRST</SeqTp>');
    expect(xml).toContain(`<ReqdColltnDt>${day}</ReqdColltnDt>`);
    expect(xml).toContain(`<MndtId>${first.mandate.reference}</MndtId>`);
    expect(xml).toContain('<DtOfSgntr>2026-01-05</DtOfSgntr>');
    expect(xml).toContain('<Id>DE98ZZZ09999999999</Id>');
    // "Müller & Söhne" in the SEPA character set.
    expect(xml).toContain('<Nm>Mueller + Soehne GmbH</Nm>');
    expect(xml).toContain(
      `<NbOfTxs>2</NbOfTxs><CtrlSum>${((a.amounts.gross + b.amounts.gross) / 100).toFixed(2)}</CtrlSum>`,
    );
    for (const id of xml.match(/<(MsgId|PmtInfId|EndToEndId|InstrId)>[^<]*</g) ?? []) {
      expect(id.replace(/^<\w+>/, '').replace(/<$/, '').length).toBeLessThanOrEqual(35);
    }

    const submitted = await invoiceOf(a.id, first.bearer);
    expect(submitted.directDebit).toMatchObject({ status: 'submitted', collectionDate: day });
    expect(submitted.history.map((event) => event.type)).toEqual(['issued', 'debit_announced', 'debit_submitted']);
    const overview = await ctx.app.inject({ url: '/api/v1/overview', headers: first.bearer });
    expect(overview.json()).toMatchObject({ openTotal: 0 });
    // The list reads the debit in its own query; it shows what the invoice's page shows.
    const list = await ctx.app.inject({ url: '/api/v1/invoices', headers: first.bearer });
    const inList = list.json<{ items: TInvoiceSummary[] }>().items.find((item) => item.id === a.id);
    expect(inList?.directDebit).toEqual(submitted.directDebit);

    // A second run for the date is refused; nothing is due later on either.
    const again = await staffPost(ctx.app, staff, RUNS, { collectionDate: day });
    expect(expectProblem(again, 409, 'conflict').runId).toBe(run.id);
    const empty = await staffPost(ctx.app, staff, RUNS, { collectionDate: collectionDay(4) });
    expect(expectProblem(empty, 422, 'unprocessable').reason).toBe('nothing_due');
  });

  it('uses RCUR once a mandate was used, and the database keeps an invoice out of a second run', async () => {
    const staff = await signedInStaff(ctx.app, ctx.db);
    const customer = await customerWithMandate(ctx.app, ctx.db);
    const firstDay = collectionDay(6);
    const secondDay = collectionDay(7);
    const early = await debitInvoiceFor(ctx.app, staff, customer.user.id, firstDay);
    const late = await debitInvoiceFor(ctx.app, staff, customer.user.id, secondDay);
    const run1 = (await staffPost(ctx.app, staff, RUNS, { collectionDate: firstDay })).json<TDirectDebitRun>();
    expect(run1.count).toBe(1);
    const run2 = (await staffPost(ctx.app, staff, RUNS, { collectionDate: secondDay })).json<TDirectDebitRun>();
    expect(run2.count).toBe(1);
    const file = await ctx.app.inject({ url: `${RUNS}/${run2.id}/pain.008`, headers: staff.bearer });
    expect(file.body).toContain('<SeqTp>RCUR</SeqTp>');
    expect((await invoiceOf(late.id, customer.bearer)).directDebit?.status).toBe('submitted');

    const [debit] = await ctx.db.select().from(directDebits).where(eq(directDebits.invoiceId, early.id));
    await expect(
      ctx.db.execute(sql`
        insert into direct_debits (invoice_id, customer_id, payment_id, mandate_id, mandate_reference, mandate_signed_on,
          account_holder, iban, amount_cents, collection_date, status, run_id, end_to_end_id)
        select invoice_id, customer_id, payment_id, mandate_id, mandate_reference, mandate_signed_on, account_holder, iban,
          amount_cents, collection_date, 'submitted', ${run2.id}, 'SECOND-RUN' from direct_debits where id = ${debit?.id}`),
    ).rejects.toThrow();
  });

  it('gathers every debit due up to the date, each on its own date: one block per date and sequence', async () => {
    const staff = await signedInStaff(ctx.app, ctx.db);
    const customer = await customerWithMandate(ctx.app, ctx.db);
    const used = await customerWithMandate(ctx.app, ctx.db, 'DE02120300000000202051');
    const d1 = collectionDay(9);
    const d2 = collectionDay(10);
    await debitInvoiceFor(ctx.app, staff, used.user.id, d1);
    await staffPost(ctx.app, staff, RUNS, { collectionDate: d1 });
    await debitInvoiceFor(ctx.app, staff, customer.user.id, collectionDay(11));
    await debitInvoiceFor(ctx.app, staff, used.user.id, collectionDay(11));
    await debitInvoiceFor(ctx.app, staff, customer.user.id, collectionDay(12));
    expect(d2 < collectionDay(11)).toBe(true);
    const run = (await staffPost(ctx.app, staff, RUNS, { collectionDate: collectionDay(12) })).json<TDirectDebitRun>();
    expect(run.count).toBe(3);
    const xml = (await ctx.app.inject({ url: `${RUNS}/${run.id}/pain.008`, headers: staff.bearer })).body;
    expect(await validateAgainst('pain.008.001.02', xml)).toMatchObject({ valid: true });
    const blocks = [...xml.matchAll(/<SeqTp>(\w+)<\/SeqTp><\/PmtTpInf><ReqdColltnDt>([\d-]+)</g)].map(
      (match) => `${match[2]} ${match[1]}`,
    );
    expect(blocks).toEqual([`${collectionDay(11)} FRST`, `${collectionDay(11)} RCUR`, `${collectionDay(12)} FRST`]);
  });

  it('refuses a collection date before the earliest possible one, naming the field', async () => {
    const staff = await signedInStaff(ctx.app, ctx.db);
    const response = await staffPost(ctx.app, staff, RUNS, { collectionDate: today() });
    expect(expectProblem(response, 400, 'validation_failed').errors?.[0]?.path).toBe('collectionDate');
    const customer = await signedInCustomer(ctx.app, ctx.db);
    expectProblem(await staffPost(ctx.app, customer, RUNS, {}), 403, 'forbidden');
  });

  it('a mandate whose IBAN changed after the announcement: the old debit is withdrawn, a new one announced', async () => {
    const staff = await signedInStaff(ctx.app, ctx.db);
    const customer = await customerWithMandate(ctx.app, ctx.db);
    const day = collectionDay(14);
    const invoice = await debitInvoiceFor(ctx.app, staff, customer.user.id, day);
    // New bank data: the old mandate ends, a new one begins (as saving bank data does).
    await ctx.db.update(sepaMandates).set({ revokedAt: new Date() }).where(eq(sepaMandates.id, customer.mandate.id));
    await ctx.db.insert(sepaMandates).values({
      customerId: customer.user.id,
      reference: `K${customer.user.customerNumber}-NEW`,
      accountHolder: 'Test GmbH',
      iban: 'DE02120300000000202051',
      creditorId: 'DE98ZZZ09999999999',
    });
    const response = await staffPost(ctx.app, staff, RUNS, { collectionDate: day });
    expect(expectProblem(response, 422, 'unprocessable').reason).toBe('nothing_due');
    const after = await invoiceOf(invoice.id, customer.bearer);
    expect(after.directDebit).toMatchObject({
      status: 'announced',
      mandateReference: `K${customer.user.customerNumber}-NEW`,
    });
    expect(after.directDebit?.collectionDate && after.directDebit.collectionDate > day).toBe(true);
    expect(after.history.map((event) => event.type)).toEqual([
      'issued',
      'debit_announced',
      'debit_withdrawn',
      'debit_announced',
    ]);
    const subjects = (await findEmailsTo(ctx.db, customer.user.email)).map((mail) => mail.subject);
    expect(subjects).toContain(`Vorabankündigung der SEPA-Lastschrift zu Rechnung ${invoice.number}`);
  });

  it('a cancelled invoice takes its announced debit with it', async () => {
    const staff = await signedInStaff(ctx.app, ctx.db);
    const customer = await customerWithMandate(ctx.app, ctx.db);
    const invoice = await debitInvoiceFor(ctx.app, staff, customer.user.id, collectionDay(16));
    const cancelled = await staffPost(ctx.app, staff, `/api/v1/admin/invoices/${invoice.id}/cancellation`, {
      reason: 'Doppelt berechnet',
    });
    expect(cancelled.statusCode, cancelled.body).toBe(201);
    const after = await invoiceOf(invoice.id, customer.bearer);
    expect(after).toMatchObject({ status: 'cancelled', directDebit: null });
    const other = await issueInvoiceFor(ctx.app, staff, customer.user.id, { directDebit: false });
    expect(other.directDebit).toBeNull();
  });
});

describe('a run without a body', () => {
  it('collects what is due by the earliest possible date, e.g. a debit the customer asked for today', async () => {
    const staff = await signedInStaff(ctx.app, ctx.db);
    const customer = await customerWithMandate(ctx.app, ctx.db);
    const invoice = await issueInvoiceFor(ctx.app, staff, customer.user.id, { directDebit: false });
    const paid = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/invoices/${invoice.id}/payments`,
      headers: { ...customer.bearer, 'idempotency-key': `now-${invoice.id}` },
      payload: { method: 'sepa_debit' },
    });
    expect(paid.statusCode, paid.body).toBe(201);
    // Runs for later dates exist already; the debit still goes out with the next run.
    const earliest = paid.json().nextAction.collectionDate;
    expect(earliest < collectionDay(0)).toBe(true);
    const response = await ctx.app.inject({ method: 'POST', url: RUNS, headers: staff.bearer });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json<TDirectDebitRun>()).toMatchObject({
      collectionDate: earliest,
      count: 1,
      totalAmount: invoice.amounts.gross,
    });
    expect((await invoiceOf(invoice.id, customer.bearer)).directDebit).toMatchObject({
      status: 'submitted',
      collectionDate: earliest,
    });
  });
});
