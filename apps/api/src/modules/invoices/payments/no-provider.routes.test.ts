import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/app';
import { expectProblem, signedInCustomer, signedInStaff } from '../../../../test/factories';
import { issueInvoiceFor } from '../../../../test/invoice-factories';

// Production without PAYMENT_PROVIDER: no sandbox, no card payments, bank transfers only.
const ctx = useTestApp({
  NODE_ENV: 'production',
  // Staff only issue the invoice to pay here; their second factor is tested in modules/staff.
  STAFF_SECOND_FACTOR: 'optional',
  JWT_SECRET: 'Zq3v9LkP2xW8rT6yN4mB7cJ1hF5dS0gA-prod',
  MFA_ENCRYPTION_KEY: 'Mk4pQ7wZ1xC9vB3nR6tY8uI2oP5aS0dF-prod',
  PROVIDER_CREDITOR_ID: 'DE13ZZZ00000012345',
});

async function setup() {
  const staff = await signedInStaff(ctx.app, ctx.db);
  const customer = await signedInCustomer(ctx.app, ctx.db);
  const invoice = await issueInvoiceFor(ctx.app, staff, customer.user.id);
  return { customer, invoice };
}

const pay = (invoiceId: string, headers: Record<string, string>, method: string) =>
  ctx.app.inject({
    method: 'POST',
    url: `/api/v1/invoices/${invoiceId}/payments`,
    headers: { ...headers, 'idempotency-key': randomUUID() },
    payload: { method },
  });

describe('production without a payment provider', () => {
  it('offers no card payment and says why by a code; direct debits need only a mandate (the bank collects them)', async () => {
    const { customer } = await setup();
    const methods = await ctx.app.inject({ url: '/api/v1/payment-methods', headers: customer.bearer });
    expect(methods.json().items).toEqual([
      { method: 'sepa_debit', available: false, reason: 'no_sepa_mandate' },
      { method: 'card', available: false, reason: 'no_payment_provider' },
      { method: 'bank_transfer', available: true },
    ]);
  });

  it('answers a card payment (and a debit without mandate) with a problem naming the method, never a sandbox redirect', async () => {
    const { customer, invoice } = await setup();
    for (const [method, reason] of [
      ['card', 'no_payment_provider'],
      ['sepa_debit', 'no_sepa_mandate'],
    ]) {
      const response = await pay(invoice.id, customer.bearer, method ?? '');
      const problem = expectProblem(response, 422, 'unprocessable');
      expect(problem.errors?.[0]?.path).toBe('method');
      expect(problem.reason).toBe(reason);
      expect(response.body).not.toContain('sandbox');
    }
    const transfer = await pay(invoice.id, customer.bearer, 'bank_transfer');
    expect(transfer.statusCode).toBe(201);
    expect(transfer.json()).toMatchObject({ method: 'bank_transfer', test: false });
  });

  it("registers none of the sandbox's pages or its callback", async () => {
    const { customer, invoice } = await setup();
    const paymentId = randomUUID();
    for (const url of [`/sandbox-pay/${paymentId}?token=x`, '/sandbox-pay/assets/sandbox.css']) {
      expectProblem(await ctx.app.inject({ url }), 404, 'not_found');
    }
    const approve = await ctx.app.inject({
      method: 'POST',
      url: `/sandbox-pay/${paymentId}/approve`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'token=x',
    });
    expectProblem(approve, 404, 'not_found');
    const callback = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/payments/webhooks/sandbox',
      headers: { 'x-sandbox-signature': `t=${Date.now()},v1=${'0'.repeat(64)}` },
      payload: { paymentId: invoice.id, providerReference: 'x', outcome: 'succeeded' },
    });
    expectProblem(callback, 404, 'not_found');
    expect(
      (await ctx.app.inject({ url: `/api/v1/invoices/${invoice.id}`, headers: customer.bearer })).json(),
    ).toMatchObject({ status: 'open' });
  });

  it('keeps the OpenAPI document and the reference page public, without the sandbox', async () => {
    const document = await ctx.app.inject({ url: '/api/v1/openapi.json' });
    expect(document.statusCode).toBe(200);
    expect(Object.keys(document.json().paths).join('\n')).not.toMatch(/sandbox/);
    expect((await ctx.app.inject({ url: '/api/docs/' })).statusCode).toBe(200);
  });
});
