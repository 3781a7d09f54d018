import type { TBankStatementEntry, TDirectDebitRun, TInvoice, TPaymentMethodOption } from '@portal/contracts';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app';
import {
  collectionDay,
  customerWithMandate,
  debitInvoiceFor,
  importXml,
  staffPost,
} from '../../../test/collection-factories';
import { expectProblem, signedInCustomer, signedInStaff } from '../../../test/factories';
import { issueInvoiceFor } from '../../../test/invoice-factories';
import { customerAccountEntries, invoices, payments } from '../../db/schema/index';
import { today } from '../../lib/calendar';
import { findEmailsTo } from '../../mail/outbox.repository';
import { camt053, type FixtureEntry } from './camt053-writer';

const ctx = useTestApp();
const IBAN = 'DE02120300000000202051';
// The bank books on German calendar days: the business date, not UTC's (they differ before 01:00 Berlin time).
const BOOKED = today();

const invoiceOf = async (id: string, headers: Record<string, string>) =>
  (await ctx.app.inject({ url: `/api/v1/invoices/${id}`, headers })).json<TInvoice>();

async function importEntries(staff: { bearer: { authorization: string } }, entries: FixtureEntry[]) {
  const xml = camt053({ iban: IBAN, entries });
  const response = await importXml(ctx.app, staff, xml);
  expect(response.statusCode, response.body).toBe(200);
  return { xml, result: response.json<{ entries: number; matched: number; unmatched: number; duplicates: number }>() };
}

/** An invoice announced, then submitted in a run for `day`; answers it with its end-to-end id. */
async function submittedInvoice(staff: Awaited<ReturnType<typeof signedInStaff>>, day: number) {
  const customer = await customerWithMandate(ctx.app, ctx.db);
  const invoice = await debitInvoiceFor(ctx.app, staff, customer.user.id, collectionDay(day));
  const run = await staffPost(ctx.app, staff, '/api/v1/admin/direct-debit-runs', {
    collectionDate: collectionDay(day),
  });
  expect(run.statusCode, run.body).toBe(201);
  const xml = (
    await ctx.app.inject({
      url: `/api/v1/admin/direct-debit-runs/${run.json<TDirectDebitRun>().id}/pain.008`,
      headers: staff.bearer,
    })
  ).body;
  const endToEndId = new RegExp(`<EndToEndId>(${invoice.number}-[0-9A-F]+)</EndToEndId>`).exec(xml)?.[1] ?? '';
  const paymentInfoId = /<PmtInfId>([^<]+)<\/PmtInfId>/.exec(xml)?.[1] ?? '';
  return { customer, invoice, endToEndId, paymentInfoId };
}

describe('bank statement import: transfers', () => {
  it('pays an open invoice by its number and amount; importing the same statement again books nothing twice', async () => {
    const staff = await signedInStaff(ctx.app, ctx.db);
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const invoice = await issueInvoiceFor(ctx.app, staff, customer.user.id);
    const entries: FixtureEntry[] = [
      {
        direction: 'CRDT',
        amountCents: invoice.amounts.gross,
        bookingDate: BOOKED,
        transactions: [
          {
            remittance: `Rechnung ${invoice.number.toLowerCase().replaceAll('-', ' ')}`,
            counterpartyName: 'Test GmbH',
          },
        ],
      },
    ];
    const { xml, result } = await importEntries(staff, entries);
    expect(result).toEqual({ entries: 1, matched: 1, unmatched: 0, duplicates: 0 });
    const paid = await invoiceOf(invoice.id, customer.bearer);
    expect(paid).toMatchObject({ status: 'paid', openAmount: 0 });
    expect(paid.history.at(-1)).toMatchObject({
      type: 'payment_received',
      date: BOOKED,
      amount: invoice.amounts.gross,
    });
    const [row] = await ctx.db.select().from(invoices).where(eq(invoices.id, invoice.id));
    expect(row?.paidAt?.toISOString().slice(0, 10)).toBe(BOOKED);

    const again = await importXml(ctx.app, staff, xml);
    expect(again.json()).toEqual({ entries: 1, matched: 0, unmatched: 0, duplicates: 1 });
    const stored = await ctx.db.select().from(payments).where(eq(payments.invoiceId, invoice.id));
    expect(stored).toHaveLength(1);
  });

  it('a partial payment leaves the rest open; an overpayment pays it and becomes a credit on the account', async () => {
    const staff = await signedInStaff(ctx.app, ctx.db);
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const invoice = await issueInvoiceFor(ctx.app, staff, customer.user.id);
    const gross = invoice.amounts.gross;
    await importEntries(staff, [
      {
        direction: 'CRDT',
        amountCents: 5_000,
        bookingDate: BOOKED,
        transactions: [{ remittance: invoice.number.replaceAll('-', '') }],
      },
    ]);
    const partly = await invoiceOf(invoice.id, customer.bearer);
    expect(partly).toMatchObject({ status: 'open', openAmount: gross - 5_000 });
    expect(partly.transferInstructions?.amount).toBe(gross - 5_000);
    await importEntries(staff, [
      {
        direction: 'CRDT',
        amountCents: gross,
        bookingDate: BOOKED,
        transactions: [{ remittance: ` ${invoice.number} ` }],
      },
    ]);
    expect(await invoiceOf(invoice.id, customer.bearer)).toMatchObject({ status: 'paid', openAmount: 0 });
    const credits = await ctx.db
      .select()
      .from(customerAccountEntries)
      .where(eq(customerAccountEntries.customerId, customer.user.id));
    expect(credits.map((entry) => [entry.kind, entry.amountCents])).toEqual([['overpayment', 5_000]]);
  });

  it('leaves what it cannot match to staff, who assign it by hand', async () => {
    const staff = await signedInStaff(ctx.app, ctx.db);
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const invoice = await issueInvoiceFor(ctx.app, staff, customer.user.id);
    const { result } = await importEntries(staff, [
      {
        direction: 'CRDT',
        amountCents: invoice.amounts.gross,
        bookingDate: BOOKED,
        transactions: [
          { remittance: 'Miete Dezember', counterpartyName: 'Test GmbH', counterpartyIban: 'DE89370400440532013000' },
        ],
      },
      {
        direction: 'CRDT',
        currency: 'USD',
        amountCents: 1_000,
        bookingDate: BOOKED,
        transactions: [{ remittance: invoice.number }],
      },
    ]);
    expect(result).toEqual({ entries: 2, matched: 0, unmatched: 2, duplicates: 0 });
    const listed = await ctx.app.inject({ url: '/api/v1/admin/bank-statement-entries', headers: staff.bearer });
    const items = listed.json<{ items: TBankStatementEntry[] }>().items;
    const rent = items.find((item) => item.remittance === 'Miete Dezember');
    const dollars = items.find((item) => item.currency === 'USD');
    expect(rent).toMatchObject({ status: 'unmatched', unmatchedReason: 'no_invoice', counterpartyName: 'Test GmbH' });
    expect(dollars).toMatchObject({ status: 'unmatched', unmatchedReason: 'currency' });
    expect((await invoiceOf(invoice.id, customer.bearer)).status).toBe('open');

    const url = (id: string) => `/api/v1/admin/bank-statement-entries/${id}/assignment`;
    expectProblem(
      await staffPost(ctx.app, staff, url(dollars?.id ?? ''), { invoiceId: invoice.id }),
      422,
      'unprocessable',
    );
    const unknown = await staffPost(ctx.app, staff, url(rent?.id ?? ''), { invoiceId: customer.user.id });
    expect(expectProblem(unknown, 400, 'validation_failed').errors?.[0]?.path).toBe('invoiceId');
    const assigned = await staffPost(ctx.app, staff, url(rent?.id ?? ''), { invoiceId: invoice.id });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json()).toMatchObject({ status: 'assigned' });
    expect((await invoiceOf(invoice.id, customer.bearer)).status).toBe('paid');
    expectProblem(await staffPost(ctx.app, staff, url(rent?.id ?? ''), { invoiceId: invoice.id }), 409, 'conflict');
    expectProblem(await staffPost(ctx.app, customer, url(rent?.id ?? ''), { invoiceId: invoice.id }), 403, 'forbidden');
  });
});

describe('bank statement import: direct debits', () => {
  it("settles a run's collected debits on the booking date, by end-to-end id", async () => {
    const staff = await signedInStaff(ctx.app, ctx.db);
    const { customer, invoice, endToEndId } = await submittedInvoice(staff, 1);
    const { result } = await importEntries(staff, [
      {
        direction: 'CRDT',
        code: 'PMNT/IDDT/ESDD',
        amountCents: invoice.amounts.gross,
        bookingDate: BOOKED,
        transactions: [{ endToEndId, amountCents: invoice.amounts.gross }],
      },
    ]);
    expect(result.matched).toBe(1);
    const collected = await invoiceOf(invoice.id, customer.bearer);
    expect(collected).toMatchObject({ status: 'paid', directDebit: { status: 'collected' } });
    expect(collected.history.map((event) => event.type)).toEqual([
      'issued',
      'debit_announced',
      'debit_submitted',
      'debit_collected',
    ]);
  });

  it('settles a whole payment block by its PmtInfId when the bank books it as one sum', async () => {
    const staff = await signedInStaff(ctx.app, ctx.db);
    const { customer, invoice, paymentInfoId } = await submittedInvoice(staff, 3);
    const { result } = await importEntries(staff, [
      {
        direction: 'CRDT',
        code: 'PMNT/IDDT/ESDD',
        amountCents: invoice.amounts.gross,
        bookingDate: BOOKED,
        batchPaymentInfoId: paymentInfoId,
      },
    ]);
    expect(result.matched).toBe(1);
    expect((await invoiceOf(invoice.id, customer.bearer)).status).toBe('paid');
  });

  it('a returned debit reopens the invoice with reason and fee, tells the customer; two returns stop the mandate', async () => {
    const staff = await signedInStaff(ctx.app, ctx.db);
    const { customer, invoice, endToEndId } = await submittedInvoice(staff, 5);
    await importEntries(staff, [
      {
        direction: 'CRDT',
        code: 'PMNT/IDDT/ESDD',
        amountCents: invoice.amounts.gross,
        bookingDate: BOOKED,
        transactions: [{ endToEndId, amountCents: invoice.amounts.gross }],
      },
    ]);
    expect((await invoiceOf(invoice.id, customer.bearer)).status).toBe('paid');
    const { result } = await importEntries(staff, [
      {
        direction: 'DBIT',
        code: 'PMNT/IDDT/UPDD',
        amountCents: invoice.amounts.gross + 300,
        bookingDate: BOOKED,
        transactions: [
          {
            endToEndId,
            amountCents: invoice.amounts.gross + 300,
            instructedCents: invoice.amounts.gross,
            returnReason: 'AM04',
            chargesCents: 300,
          },
        ],
      },
    ]);
    expect(result.matched).toBe(1);
    const returned = await invoiceOf(invoice.id, customer.bearer);
    expect(returned).toMatchObject({
      status: 'open',
      openAmount: invoice.amounts.gross,
      directDebit: { status: 'returned', returnReason: 'AM04' },
    });
    expect(returned.history.at(-1)).toEqual({ type: 'debit_returned', date: BOOKED, reason: 'AM04', fee: 300 });
    const fees = await ctx.db
      .select()
      .from(customerAccountEntries)
      .where(eq(customerAccountEntries.customerId, customer.user.id));
    expect(fees.map((entry) => [entry.kind, entry.amountCents])).toEqual([['return_fee', -300]]);
    const mail = (await findEmailsTo(ctx.db, customer.user.email)).find((entry) =>
      entry.subject.startsWith('Rücklastschrift'),
    );
    expect(mail?.textBody).toContain('Deckung unzureichend (AM04)');
    expect(mail?.textBody).toContain('3,00');
    // The invoice is never collected again: paying by debit now is refused, transfer it is.
    const retry = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/invoices/${invoice.id}/payments`,
      headers: { ...customer.bearer, 'idempotency-key': `retry-${invoice.id}` },
      payload: { method: 'sepa_debit' },
    });
    expect(expectProblem(retry, 409, 'conflict').reason).toBe('debit_returned');

    // A second return under the same mandate (a new invoice's debit, returned before settlement).
    const second = await debitInvoiceFor(ctx.app, staff, customer.user.id, collectionDay(7));
    const run = (
      await staffPost(ctx.app, staff, '/api/v1/admin/direct-debit-runs', { collectionDate: collectionDay(7) })
    ).json<TDirectDebitRun>();
    const xml = (
      await ctx.app.inject({ url: `/api/v1/admin/direct-debit-runs/${run.id}/pain.008`, headers: staff.bearer })
    ).body;
    const secondId = new RegExp(`<EndToEndId>(${second.number}-[0-9A-F]+)</EndToEndId>`).exec(xml)?.[1];
    await importEntries(staff, [
      {
        direction: 'DBIT',
        amountCents: second.amounts.gross,
        bookingDate: BOOKED,
        transactions: [{ endToEndId: secondId ?? '', returnReason: 'MD06' }],
      },
    ]);
    const methods = await ctx.app.inject({ url: '/api/v1/payment-methods', headers: customer.bearer });
    expect(methods.json<{ items: TPaymentMethodOption[] }>().items).toContainEqual({
      method: 'sepa_debit',
      available: false,
      reason: 'mandate_suspended',
    });
    const notices = (await findEmailsTo(ctx.db, customer.user.email)).filter((entry) =>
      entry.subject.startsWith('Rücklastschrift'),
    );
    expect(notices).toHaveLength(2);
    expect(notices.filter((entry) => entry.textBody.includes('Stammdaten › Bankdaten'))).toHaveLength(1);
    // New invoices go out by transfer until the customer gives bank data again.
    const next = await issueInvoiceFor(ctx.app, staff, customer.user.id);
    expect(next.directDebit).toBeNull();
  });
});

describe('bank statement import: bad input books nothing', () => {
  it('refuses a statement of another account, a foreign document, malformed XML and JSON, saying why', async () => {
    const staff = await signedInStaff(ctx.app, ctx.db);
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const invoice = await issueInvoiceFor(ctx.app, staff, customer.user.id);
    const paying: FixtureEntry = {
      direction: 'CRDT',
      amountCents: invoice.amounts.gross,
      bookingDate: BOOKED,
      transactions: [{ remittance: invoice.number }],
    };
    const foreign = await importXml(ctx.app, staff, camt053({ iban: 'DE89370400440532013000', entries: [paying] }));
    expect(expectProblem(foreign, 422, 'unprocessable').reason).toBe('foreign_account');

    const pain =
      '<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.008.001.02"><CstmrDrctDbtInitn/></Document>';
    expect(expectProblem(await importXml(ctx.app, staff, pain), 422, 'unprocessable').reason).toBe('not_camt053');

    const broken = camt053({ iban: IBAN, entries: [paying] }).replace('</Stmt>', '');
    expect(expectProblem(await importXml(ctx.app, staff, broken), 422, 'unprocessable').reason).toBe('malformed');

    const invalid = camt053({ iban: IBAN, entries: [paying] }).replace(
      '<CdtDbtInd>CRDT</CdtDbtInd>',
      '<CdtDbtInd>MAYBE</CdtDbtInd>',
    );
    const problem = expectProblem(await importXml(ctx.app, staff, invalid), 422, 'unprocessable');
    expect(problem.reason).toBe('schema_invalid');
    expect(JSON.stringify(problem.errors)).toContain('CdtDbtInd');

    const dtd = `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]>${camt053({ iban: IBAN, entries: [paying] }).replace(/^<\?xml[^>]*>/, '')}`;
    expect(expectProblem(await importXml(ctx.app, staff, dtd), 422, 'unprocessable').reason).toBe('malformed');

    const json = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/admin/bank-statements',
      headers: staff.bearer,
      payload: { xml: camt053({ iban: IBAN, entries: [paying] }) },
    });
    expectProblem(json, 415, 'unsupported_media_type');
    expect((await invoiceOf(invoice.id, customer.bearer)).status).toBe('open');
    expectProblem(await importXml(ctx.app, customer, camt053({ iban: IBAN, entries: [paying] })), 403, 'forbidden');
  });
});
