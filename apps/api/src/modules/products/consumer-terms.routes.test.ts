import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app';
import { expectProblem, signedInCustomer, signedInStaff } from '../../../test/factories';
import { createCatalogItem, createProduct } from '../../../test/product-factories';
import { today } from '../../lib/calendar';
import { addDays, addMonths, INDEFINITE_RENEWAL } from './contract-terms';

const ctx = useTestApp();

const businessTerms = { minimumTermMonths: 36, noticePeriodMonths: 3, renewalMonths: 12 };
const consumerTerms = { minimumTermMonths: 24, noticePeriodMonths: 1, renewalMonths: INDEFINITE_RENEWAL };

async function book(customerId: string, terms: Record<string, number>) {
  const staff = await signedInStaff(ctx.app, ctx.db);
  const catalog = await createCatalogItem(ctx.db);
  return ctx.app.inject({
    method: 'POST',
    url: '/api/v1/admin/products',
    headers: staff.bearer,
    payload: {
      customerId,
      sku: catalog.sku,
      startDate: '2026-01-01',
      price: { amount: 10_000, interval: 'monthly' },
      ...terms,
    },
  });
}

describe('booking for a consumer (§309 Nr. 9 BGB)', () => {
  it('refuses business terms naming each unlawful field, and stores nothing', async () => {
    const consumer = await signedInCustomer(ctx.app, ctx.db, { customerType: 'consumer', company: null });
    const problem = expectProblem(await book(consumer.user.id, businessTerms), 422, 'unprocessable') as {
      errors: Array<{ path: string }>;
    };
    expect(problem.errors.map((error) => error.path)).toEqual([
      'minimumTermMonths',
      'renewalMonths',
      'noticePeriodMonths',
    ]);
    const list = await ctx.app.inject({ url: '/api/v1/products', headers: consumer.bearer });
    expect(list.json().items).toEqual([]);
  });

  it('refuses each clause on its own', async () => {
    const consumer = await signedInCustomer(ctx.app, ctx.db, { customerType: 'consumer', company: null });
    for (const [path, change] of [
      ['minimumTermMonths', { minimumTermMonths: 25 }],
      ['renewalMonths', { renewalMonths: 1 }],
      ['noticePeriodMonths', { noticePeriodMonths: 2 }],
    ] as const) {
      const problem = expectProblem(await book(consumer.user.id, { ...consumerTerms, ...change }), 422) as {
        errors: Array<{ path: string }>;
      };
      expect(problem.errors.map((error) => error.path)).toEqual([path]);
    }
  });

  it('books consumer terms, shows gross and net, and explains the indefinite renewal', async () => {
    const consumer = await signedInCustomer(ctx.app, ctx.db, { customerType: 'consumer', company: null });
    const booked = await book(consumer.user.id, consumerTerms);
    expect(booked.statusCode, booked.body).toBe(201);
    expect(booked.json()).toMatchObject({
      price: { amount: 10_000, vatRate: 19, gross: 11_900 },
      contract: { minimumTermMonths: 24, renewalMonths: 0, noticePeriodMonths: 1, termEndsOn: '2027-12-31' },
    });
  });

  it('lets a business agree longer terms', async () => {
    const business = await signedInCustomer(ctx.app, ctx.db);
    expect((await book(business.user.id, businessTerms)).statusCode).toBe(201);
  });
});

describe('cancelling a consumer contract after its initial term', () => {
  it('ends one month after receipt on any day, and accepts any later day', async () => {
    const consumer = await signedInCustomer(ctx.app, ctx.db, { customerType: 'consumer', company: null });
    // Initial term 2024-01-01 … 2024-12-31: long over, so the contract runs indefinitely.
    const product = await createProduct(ctx.db, consumer.user.id, {
      startDate: '2024-01-01',
      ...consumerTerms,
      minimumTermMonths: 12,
    });
    const detail = await ctx.app.inject({ url: `/api/v1/products/${product.id}`, headers: consumer.bearer });
    const earliest = addMonths(today(), 1);
    expect(detail.json().contract).toMatchObject({ earliestEndDate: earliest, renewalMonths: 0 });

    const tooEarly = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/products/${product.id}/cancellation`,
      headers: consumer.bearer,
      payload: { type: 'ordinary', endDate: addDays(earliest, -1) },
    });
    expect(expectProblem(tooEarly, 422)).toMatchObject({ earliestEndDate: earliest });

    // Any day after the earliest is an allowed end — not only a term end.
    const cancelled = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/products/${product.id}/cancellation`,
      headers: consumer.bearer,
      payload: { type: 'ordinary', endDate: addMonths(earliest, 1).replace(/-\d\d$/, '-13') },
    });
    expect(cancelled.statusCode, cancelled.body).toBe(201);
  });
});
