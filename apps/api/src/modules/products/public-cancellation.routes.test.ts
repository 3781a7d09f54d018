import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app';
import { expectProblem, signedInCustomer, signedInStaff } from '../../../test/factories';
import { createProduct } from '../../../test/product-factories';
import { today } from '../../lib/calendar';
import { findEmailsTo } from '../../mail/outbox.repository';
import { earliestEndDate } from './contract-terms';
import { findCustomerProduct } from './products.repository';
import { PUBLIC_CANCELLATION_LIMIT } from './products.routes';

const ctx = useTestApp();
const terms = { startDate: '2025-01-01', minimumTermMonths: 12, noticePeriodMonths: 3, renewalMonths: 12 };

let clients = 0;
/** Each call comes from its own address unless given one, so only the throttling test meets the limit. */
const submit = (
  payload: Record<string, unknown>,
  remoteAddress = `10.0.${Math.floor(++clients / 250)}.${clients % 250}`,
) => ctx.app.inject({ method: 'POST', url: '/api/v1/public/cancellations', payload, remoteAddress });

describe('POST /public/cancellations (§312k BGB)', () => {
  it('answers a matching and a non-matching declaration alike, and applies only the matching one', async () => {
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const product = await createProduct(ctx.db, customer.user.id);
    const typedEmail = `typed-${Date.now()}@example.com`;
    const strangerEmail = `stranger-${Date.now()}@example.com`;

    const matched = await submit({
      type: 'ordinary',
      name: 'Test Kunde',
      customerNumber: customer.user.customerNumber,
      email: typedEmail,
      contract: `Vertrag ${product.contractNumber.toLowerCase()}`,
    });
    const unmatched = await submit({
      type: 'ordinary',
      name: 'Niemand',
      customerNumber: '99999',
      email: strangerEmail,
      contract: product.contractNumber,
    });

    for (const response of [matched, unmatched]) {
      expect(response.statusCode).toBe(202);
      expect(Object.keys(response.json()).sort()).toEqual(['receivedAt', 'reference']);
      expect(response.json().reference).toMatch(/^K-[A-Z2-9]{10}$/);
    }
    expect(Object.keys(matched.headers).sort()).toEqual(Object.keys(unmatched.headers).sort());

    // Both visitors get the same kind of receipt, stating the declaration and the time of receipt.
    const [matchedReceipt] = await findEmailsTo(ctx.db, typedEmail);
    const [unmatchedReceipt] = await findEmailsTo(ctx.db, strangerEmail);
    for (const receipt of [matchedReceipt, unmatchedReceipt]) {
      expect(receipt?.template).toBe('cancellation.public-receipt');
      expect(receipt?.textBody).toContain('Eingang:');
      expect(receipt?.textBody).toContain('zum nächstmöglichen Zeitpunkt');
    }
    expect(matchedReceipt?.textBody).toContain(matched.json().reference);

    // The matched contract is cancelled at its earliest date; the account's address gets that date.
    const earliest = earliestEndDate(terms, today());
    expect((await findCustomerProduct(ctx.db, customer.user.id, product.id))?.status).toBe('cancellation_pending');
    const [confirmation] = await findEmailsTo(ctx.db, customer.user.email);
    expect(confirmation?.template).toBe('cancellation.confirmed');
    const [year, month, day] = earliest.split('-');
    expect(confirmation?.textBody).toContain(`${day}.${month}.${year}`);

    // The back office sees the unmatched one waiting, the matched one applied.
    const staff = await signedInStaff(ctx.app, ctx.db);
    const pending = await ctx.app.inject({ url: '/api/v1/admin/public-cancellations', headers: staff.bearer });
    expect(pending.json().items).toEqual([
      expect.objectContaining({ reference: unmatched.json().reference, status: 'pending_review', customerId: null }),
    ]);
    const applied = await ctx.app.inject({
      url: '/api/v1/admin/public-cancellations?status=applied',
      headers: staff.bearer,
    });
    expect(applied.json().items).toEqual([
      expect.objectContaining({ reference: matched.json().reference, customerId: customer.user.id }),
    ]);
    const cancellations = await ctx.app.inject({ url: '/api/v1/admin/cancellations', headers: staff.bearer });
    expect(cancellations.json().items).toContainEqual(
      expect.objectContaining({ productId: product.id, channel: 'public_form', effectiveDate: earliest }),
    );
  });

  it('moves a date the contract does not allow to the next allowed one, silently', async () => {
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const product = await createProduct(ctx.db, customer.user.id);
    const response = await submit({
      type: 'ordinary',
      name: 'Test Kunde',
      email: customer.user.email,
      contract: product.contractNumber,
      endDate: today(),
    });
    expect(response.statusCode).toBe(202);
    const detail = await ctx.app.inject({
      url: `/api/v1/products/${product.id}`,
      headers: customer.bearer,
    });
    expect(detail.json()).toMatchObject({ status: 'cancellation_pending', endDate: earliestEndDate(terms, today()) });
  });

  it('leaves an already cancelled contract alone and still answers 202', async () => {
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const product = await createProduct(ctx.db, customer.user.id);
    const payload = {
      type: 'ordinary',
      name: 'Test Kunde',
      email: customer.user.email,
      contract: product.contractNumber,
    };
    expect((await submit(payload)).statusCode).toBe(202);
    expect((await submit(payload)).statusCode).toBe(202);
    expect(await findEmailsTo(ctx.db, customer.user.email)).toHaveLength(3);
  });

  it('names invalid fields and asks a reason for an extraordinary cancellation', async () => {
    const response = await submit({ type: 'extraordinary', name: '', email: 'kein-mail', contract: 'V-1' });
    const paths = expectProblem(response, 400, 'validation_failed').errors?.map((error) => error.path);
    expect(paths).toEqual(expect.arrayContaining(['name', 'email', 'reason']));
  });

  it('throttles one client address after a few declarations', async () => {
    const payload = { type: 'ordinary', name: 'Spam', email: 'spam@example.com', contract: 'V-000000' };
    for (let i = 0; i < PUBLIC_CANCELLATION_LIMIT.max; i++) {
      expect((await submit(payload, '192.0.2.7')).statusCode).toBe(202);
    }
    expectProblem(await submit(payload, '192.0.2.7'), 429, 'rate_limited');
    expect((await submit(payload, '192.0.2.8')).statusCode).toBe(202);
  });
});
