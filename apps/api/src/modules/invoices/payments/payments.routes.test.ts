import { randomUUID } from 'node:crypto';
import type { TInvoice, TPayment } from '@portal/contracts';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/app';
import { expectProblem, signedInCustomer, signedInStaff } from '../../../../test/factories';
import { issueInvoiceFor } from '../../../../test/invoice-factories';
import { payments, sepaMandates } from '../../../db/schema/index';
import { today } from '../../../lib/calendar';
import { findEmailsTo } from '../../../mail/outbox.repository';

const ctx = useTestApp();

async function setup() {
  const staff = await signedInStaff(ctx.app, ctx.db);
  const customer = await signedInCustomer(ctx.app, ctx.db);
  const invoice = await issueInvoiceFor(ctx.app, staff, customer.user.id);
  return { staff, customer, invoice };
}

function pay(invoiceId: string, headers: Record<string, string>, method: string, key: string = randomUUID()) {
  return ctx.app.inject({
    method: 'POST',
    url: `/api/v1/invoices/${invoiceId}/payments`,
    headers: { ...headers, 'idempotency-key': key },
    payload: { method },
  });
}

async function invoiceOf(id: string, headers: Record<string, string>) {
  return (await ctx.app.inject({ url: `/api/v1/invoices/${id}`, headers })).json<TInvoice>();
}

describe('card payments through the sandbox provider', () => {
  it('redirects to the hosted page; approving there settles the payment by a signed callback', async () => {
    const { customer, invoice } = await setup();
    const started = await pay(invoice.id, customer.bearer, 'card');
    expect(started.statusCode, started.body).toBe(201);
    const payment = started.json<TPayment>();
    // The sandbox is the provider outside production by default: its payments are tests.
    expect(payment).toMatchObject({
      status: 'requires_action',
      amount: invoice.amounts.gross,
      method: 'card',
      test: true,
    });
    if (payment.nextAction?.type !== 'redirect') throw new Error('expected a redirect');
    const url = payment.nextAction.url;

    const page = await ctx.app.inject({ url });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(invoice.number);
    expect(page.body).not.toContain('<script');
    const token = new URL(url, 'http://x').searchParams.get('token') ?? '';

    const forged = await ctx.app.inject({
      method: 'POST',
      url: `/sandbox-pay/${payment.id}/approve`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'token=wrong',
    });
    expect(forged.statusCode).toBe(404);

    const approved = await ctx.app.inject({
      method: 'POST',
      url: `/sandbox-pay/${payment.id}/approve`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `token=${token}`,
    });
    expect(approved.statusCode).toBe(303);
    expect(approved.headers.location).toBe(`/invoices/${invoice.id}?payment=${payment.id}`);
    const paid = await invoiceOf(invoice.id, customer.bearer);
    expect(paid.status).toBe('paid');
    expect(paid.payments.map((entry) => entry.status)).toEqual(['succeeded']);
    expect((await findEmailsTo(ctx.db, customer.user.email)).map((mail) => mail.subject)).toContain(
      `Zahlungseingang zu Rechnung ${invoice.number}`,
    );
    // A paid invoice takes no further payment, whatever the method.
    expectProblem(await pay(invoice.id, customer.bearer, 'bank_transfer'), 409, 'conflict');
    expect((await ctx.app.inject({ url })).statusCode).toBe(409);
  });

  it('a declined card payment fails and the invoice can be paid again', async () => {
    const { customer, invoice } = await setup();
    const payment = (await pay(invoice.id, customer.bearer, 'card')).json<TPayment>();
    expectProblem(await pay(invoice.id, customer.bearer, 'card'), 409, 'conflict');
    const token = new URL(
      payment.nextAction?.type === 'redirect' ? payment.nextAction.url : '',
      'http://x',
    ).searchParams.get('token');
    await ctx.app.inject({
      method: 'POST',
      url: `/sandbox-pay/${payment.id}/decline`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `token=${token}`,
    });
    const after = await invoiceOf(invoice.id, customer.bearer);
    expect(after.status).toBe('open');
    expect(after.payments[0]).toMatchObject({ status: 'failed', failureReason: 'declined_by_customer' });
    expect((await pay(invoice.id, customer.bearer, 'card')).statusCode).toBe(201);
  });

  it('refuses callbacks without a valid signature', async () => {
    const { customer, invoice } = await setup();
    const payment = (await pay(invoice.id, customer.bearer, 'card')).json<TPayment>();
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/payments/webhooks/sandbox',
      headers: { 'x-sandbox-signature': `t=${Date.now()},v1=${'0'.repeat(64)}` },
      payload: { paymentId: payment.id, providerReference: 'x', outcome: 'succeeded' },
    });
    expectProblem(response, 401, 'unauthenticated');
    expect((await invoiceOf(invoice.id, customer.bearer)).status).toBe('open');
  });
});

describe('idempotency and conflicts', () => {
  it('20 concurrent requests with one key create exactly one payment; the others wait (409) or replay', async () => {
    const { customer, invoice } = await setup();
    const key = randomUUID();
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => pay(invoice.id, customer.bearer, 'card', key)),
    );
    const created = responses.filter((response) => response.statusCode === 201);
    for (const response of responses.filter((answer) => answer.statusCode !== 201))
      expectProblem(response, 409, 'idempotency_key_in_use');
    expect(created.filter((response) => response.headers['idempotent-replayed'] !== 'true')).toHaveLength(1);
    expect(new Set(created.map((response) => response.json<TPayment>().id)).size).toBe(1);
    const stored = await ctx.db.select().from(payments).where(eq(payments.invoiceId, invoice.id));
    expect(stored).toHaveLength(1);
  });

  it('the same key with another body answers 422; a missing key 400', async () => {
    const { customer, invoice } = await setup();
    const key = randomUUID();
    expect((await pay(invoice.id, customer.bearer, 'bank_transfer', key)).statusCode).toBe(201);
    const replay = await pay(invoice.id, customer.bearer, 'bank_transfer', key);
    expect(replay.statusCode).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expectProblem(await pay(invoice.id, customer.bearer, 'card', key), 422, 'idempotency_key_reused');
    const noKey = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/invoices/${invoice.id}/payments`,
      headers: customer.bearer,
      payload: { method: 'card' },
    });
    expect(expectProblem(noKey, 400, 'validation_failed').errors?.[0]?.path).toContain('idempotency-key');
  });

  it("another customer's invoice answers 404, without a session 401", async () => {
    const { invoice } = await setup();
    const stranger = await signedInCustomer(ctx.app, ctx.db);
    expectProblem(await pay(invoice.id, stranger.bearer, 'card'), 404, 'not_found');
    expectProblem(await pay(invoice.id, {}, 'card'), 401, 'unauthenticated');
  });

  it('the database refuses a second payment in flight and any payment of a closed invoice', async () => {
    const { staff, customer, invoice } = await setup();
    expect((await pay(invoice.id, customer.bearer, 'card')).statusCode).toBe(201);
    const insert = (status: string) =>
      ctx.db.execute(
        sql`insert into payments (invoice_id, customer_id, method, status, amount_cents) values (${invoice.id}, ${customer.user.id}, 'card', ${status}, 100)`,
      );
    await expect(insert('requires_action')).rejects.toThrow();
    const other = await issueInvoiceFor(ctx.app, staff, customer.user.id);
    await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/admin/invoices/${other.id}/cancellation`,
      headers: staff.bearer,
      payload: { reason: 'Test' },
    });
    await expect(
      ctx.db.execute(
        sql`insert into payments (invoice_id, customer_id, method, status, amount_cents) values (${other.id}, ${customer.user.id}, 'card', 'pending', 100)`,
      ),
    ).rejects.toThrow();
    expectProblem(await pay(other.id, customer.bearer, 'card'), 409, 'conflict');
  });
});

describe('bank transfer', () => {
  it('answers instructions with a GiroCode; the back office books the transfer and the invoice is paid', async () => {
    const { staff, customer, invoice } = await setup();
    const payment = (await pay(invoice.id, customer.bearer, 'bank_transfer')).json<TPayment>();
    expect(payment).toMatchObject({ status: 'pending', test: false });
    if (payment.nextAction?.type !== 'bank_transfer') throw new Error('expected instructions');
    expect(payment.nextAction.instructions).toMatchObject({ reference: invoice.number, amount: invoice.amounts.gross });
    expect(payment.nextAction.instructions.qrCode).toMatch(/^data:image\/svg\+xml;base64,/);
    // Instructions do not block paying by card meanwhile.
    expect((await pay(invoice.id, customer.bearer, 'card')).statusCode).toBe(201);

    const url = `/api/v1/admin/invoices/${invoice.id}/transfers`;
    const wrong = await ctx.app.inject({
      method: 'POST',
      url,
      headers: staff.bearer,
      payload: { amount: 1, receivedOn: '2026-03-10' },
    });
    expect(expectProblem(wrong, 422, 'unprocessable').errors?.[0]?.path).toBe('amount');
    const booked = await ctx.app.inject({
      method: 'POST',
      url,
      headers: staff.bearer,
      payload: { amount: invoice.amounts.gross, receivedOn: '2026-03-10', reference: invoice.number },
    });
    expect(booked.statusCode, booked.body).toBe(201);
    expect(booked.json<TPayment>()).toMatchObject({ id: payment.id, status: 'succeeded' });
    const paid = await invoiceOf(invoice.id, customer.bearer);
    expect(paid.status).toBe('paid');
    expectProblem(
      await ctx.app.inject({
        method: 'POST',
        url,
        headers: staff.bearer,
        payload: { amount: invoice.amounts.gross, receivedOn: '2026-03-10' },
      }),
      409,
      'conflict',
    );
    const customerTry = await ctx.app.inject({
      method: 'POST',
      url,
      headers: customer.bearer,
      payload: { amount: 1, receivedOn: '2026-03-10' },
    });
    expectProblem(customerTry, 403, 'forbidden');
  });
});

describe('SEPA direct debit', () => {
  it('is offered only with an active mandate; paying announces the debit for the next possible date instead of paying', async () => {
    const { customer, invoice } = await setup();
    const methods = await ctx.app.inject({ url: '/api/v1/payment-methods', headers: customer.bearer });
    expect(methods.json().items).toContainEqual({ method: 'sepa_debit', available: false, reason: 'no_sepa_mandate' });
    expectProblem(await pay(invoice.id, customer.bearer, 'sepa_debit'), 422, 'unprocessable');

    await ctx.db.insert(sepaMandates).values({
      customerId: customer.user.id,
      reference: `M-${randomUUID().slice(0, 8)}`,
      accountHolder: 'Test GmbH',
      iban: 'DE89370400440532013000',
      bic: 'COBADEFFXXX',
      creditorId: 'DE98ZZZ09999999999',
    });
    const offered = await ctx.app.inject({ url: '/api/v1/payment-methods', headers: customer.bearer });
    expect(offered.json().items).toContainEqual({ method: 'sepa_debit', available: true });

    const payment = (await pay(invoice.id, customer.bearer, 'sepa_debit')).json<TPayment>();
    expect(payment).toMatchObject({ status: 'pending', test: false, nextAction: { type: 'direct_debit' } });
    if (payment.nextAction?.type !== 'direct_debit') throw new Error('expected the announced debit');
    expect(payment.nextAction.collectionDate > today()).toBe(true);
    const announced = await invoiceOf(invoice.id, customer.bearer);
    expect(announced.status).toBe('open');
    expect(announced.directDebit).toMatchObject({
      status: 'announced',
      collectionDate: payment.nextAction.collectionDate,
    });
    const mails = await findEmailsTo(ctx.db, customer.user.email);
    expect(mails.map((mail) => mail.subject)).toContain(
      `Vorabankündigung der SEPA-Lastschrift zu Rechnung ${invoice.number}`,
    );
    // While the debit waits for the bank, no card payment and no second debit.
    expectProblem(await pay(invoice.id, customer.bearer, 'card'), 409, 'conflict');
    // Nothing settles it but the bank statement: no job marks it paid.
    const stored = await ctx.db.select().from(payments).where(eq(payments.invoiceId, invoice.id));
    expect(stored.map((row) => row.status)).toEqual(['pending']);
  });
});

describe('POST /invoices/{id}/payments/{paymentId}/cancel', () => {
  const cancel = (invoiceId: string, paymentId: string, headers: Record<string, string>) =>
    ctx.app.inject({ method: 'POST', url: `/api/v1/invoices/${invoiceId}/payments/${paymentId}/cancel`, headers });

  it('abandons a started card payment, after which the invoice can be paid again', async () => {
    const { customer, invoice } = await setup();
    const started = (await pay(invoice.id, customer.bearer, 'card')).json<TPayment>();
    expect(started.status).toBe('requires_action');

    const cancelled = await cancel(invoice.id, started.id, customer.bearer);
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json()).toMatchObject({
      id: started.id,
      status: 'failed',
      failureReason: 'cancelled_by_customer',
    });
    expectProblem(await cancel(invoice.id, started.id, customer.bearer), 409, 'conflict');
    expect((await pay(invoice.id, customer.bearer, 'card')).statusCode).toBe(201);
  });

  it('refuses transfers (409) and other customers (404)', async () => {
    const { customer, invoice } = await setup();
    const transfer = (await pay(invoice.id, customer.bearer, 'bank_transfer')).json<TPayment>();
    expectProblem(await cancel(invoice.id, transfer.id, customer.bearer), 409, 'conflict');
    const card = (await pay(invoice.id, customer.bearer, 'card')).json<TPayment>();
    const stranger = await signedInCustomer(ctx.app, ctx.db);
    expectProblem(await cancel(invoice.id, card.id, stranger.bearer), 404, 'not_found');
    expectProblem(await cancel(invoice.id, randomUUID(), customer.bearer), 404, 'not_found');
  });
});
