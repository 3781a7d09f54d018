import { randomUUID } from 'node:crypto';
import type { TInvoice, TPayment } from '@portal/contracts';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/app';
import { signedInCustomer, signedInStaff } from '../../../../test/factories';
import { issueInvoiceFor } from '../../../../test/invoice-factories';
import { signSandboxEvent } from './sandbox-provider';

// A staging system: production mode with the sandbox configured explicitly.
const SANDBOX_SECRET = 'Hq8wE2rT5yU9iO3pA6sD1fG4hJ7kL0zX-staging';
const ctx = useTestApp({
  NODE_ENV: 'production',
  // Staff only issue the invoice to pay here; their second factor is tested in modules/staff.
  STAFF_SECOND_FACTOR: 'optional',
  PROVIDER_CREDITOR_ID: 'DE13ZZZ00000012345',
  JWT_SECRET: 'Zq3v9LkP2xW8rT6yN4mB7cJ1hF5dS0gA-prod',
  MFA_ENCRYPTION_KEY: 'Mk4pQ7wZ1xC9vB3nR6tY8uI2oP5aS0dF-prod',
  PAYMENT_PROVIDER: 'sandbox',
  PAYMENT_SANDBOX_SECRET: SANDBOX_SECRET,
});

describe('the sandbox configured explicitly in production', () => {
  it('marks every payment it handles as a test, in the answers and on the invoice', async () => {
    const staff = await signedInStaff(ctx.app, ctx.db);
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const invoice = await issueInvoiceFor(ctx.app, staff, customer.user.id);
    const started = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/invoices/${invoice.id}/payments`,
      headers: { ...customer.bearer, 'idempotency-key': randomUUID() },
      payload: { method: 'card' },
    });
    expect(started.statusCode, started.body).toBe(201);
    const payment = started.json<TPayment>();
    expect(payment).toMatchObject({ method: 'card', status: 'requires_action', test: true });

    // Its callbacks are signed with its own secret, not with one derived from JWT_SECRET.
    const event = { paymentId: payment.id, providerReference: `sbx_card_${payment.id}`, outcome: 'succeeded' as const };
    const callback = (secret: string) =>
      ctx.app.inject({
        method: 'POST',
        url: '/api/v1/payments/webhooks/sandbox',
        headers: { 'x-sandbox-signature': signSandboxEvent(Buffer.from(secret), event) },
        payload: event,
      });
    expect((await callback(ctx.config.jwtSecret)).statusCode).toBe(401);
    expect((await callback(SANDBOX_SECRET)).statusCode).toBe(204);
    const detail = (
      await ctx.app.inject({ url: `/api/v1/invoices/${invoice.id}`, headers: customer.bearer })
    ).json<TInvoice>();
    expect(detail.payments).toEqual([expect.objectContaining({ id: payment.id, status: 'succeeded', test: true })]);
  });

  it('leaves its callback out of the OpenAPI document', async () => {
    const document = (await ctx.app.inject({ url: '/api/v1/openapi.json' })).json();
    expect(Object.keys(document.paths).join('\n')).not.toMatch(/sandbox/);
    expect(document.paths['/api/v1/invoices/{id}/payments']).toBeDefined();
  });
});
