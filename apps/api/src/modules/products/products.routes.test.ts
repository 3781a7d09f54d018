import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app';
import { expectProblem, signedInCustomer } from '../../../test/factories';
import { createCatalogItem, createProduct } from '../../../test/product-factories';
import { today } from '../../lib/calendar';
import { findEmailsTo } from '../../mail/outbox.repository';
import { addDays, currentTermEnd, earliestEndDate, noticeDeadline } from './contract-terms';
import {
  findCustomerProduct,
  findDeletionBlockingContracts,
  insertCancellation,
  setProductStatus,
} from './products.repository';

const ctx = useTestApp();

const terms = { startDate: '2025-01-01', minimumTermMonths: 12, noticePeriodMonths: 3, renewalMonths: 12 };

describe('GET /products', () => {
  it("lists only the customer's own products, newest first, in pages", async () => {
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const other = await signedInCustomer(ctx.app, ctx.db);
    const older = await createProduct(ctx.db, customer.user.id, { startDate: '2024-03-01' });
    const newer = await createProduct(ctx.db, customer.user.id, { startDate: '2025-06-01' });
    await createProduct(ctx.db, other.user.id);

    const first = await ctx.app.inject({ url: '/api/v1/products?limit=1', headers: customer.bearer });
    expect(first.statusCode).toBe(200);
    const firstPage = first.json();
    expect(firstPage.items.map((item: { id: string }) => item.id)).toEqual([newer.id]);
    expect(firstPage.items[0]).toMatchObject({
      contractNumber: newer.contractNumber,
      category: 'colocation_unit',
      status: 'active',
      price: { amount: 19_900, currency: 'EUR', interval: 'monthly' },
      endDate: null,
    });
    expect(firstPage.nextCursor).toEqual(expect.any(String));

    const second = await ctx.app.inject({
      url: `/api/v1/products?limit=1&cursor=${firstPage.nextCursor}`,
      headers: customer.bearer,
    });
    expect(second.json()).toMatchObject({ items: [{ id: older.id }], nextCursor: null, hasMore: false });
  });

  it('answers 401 without a session and names a broken cursor', async () => {
    expectProblem(await ctx.app.inject({ url: '/api/v1/products' }), 401, 'unauthenticated');
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const bad = await ctx.app.inject({ url: '/api/v1/products?cursor=bm9wZQ', headers: customer.bearer });
    expect(expectProblem(bad, 400, 'validation_failed').errors?.[0]?.path).toBe('cursor');
  });
});

describe('GET /products/:id', () => {
  it('shows specs and the contract terms with the earliest end date', async () => {
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const catalog = await createCatalogItem(ctx.db, { kind: 'cloud_server', specs: [{ key: 'vcpu', value: '8' }] });
    const product = await createProduct(ctx.db, customer.user.id, { catalogId: catalog.id });

    const response = await ctx.app.inject({ url: `/api/v1/products/${product.id}`, headers: customer.bearer });
    expect(response.statusCode).toBe(200);
    const earliest = earliestEndDate(terms, today());
    expect(response.json()).toMatchObject({
      id: product.id,
      category: 'cloud_server',
      specs: [{ key: 'vcpu', label: 'vCPU', value: '8' }],
      contract: {
        minimumTermMonths: 12,
        noticePeriodMonths: 3,
        renewalMonths: 12,
        termEndsOn: currentTermEnd(terms, today()),
        earliestEndDate: earliest,
        noticeDeadline: noticeDeadline(terms, earliest),
      },
      cancellation: null,
    });
  });

  it("answers 404 for another customer's product exactly like for a missing one, 401 without session", async () => {
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const owner = await signedInCustomer(ctx.app, ctx.db);
    const foreign = await createProduct(ctx.db, owner.user.id);
    const asOther = await ctx.app.inject({ url: `/api/v1/products/${foreign.id}`, headers: customer.bearer });
    const missing = await ctx.app.inject({
      url: '/api/v1/products/00000000-0000-4000-8000-000000000000',
      headers: customer.bearer,
    });
    const foreignProblem = expectProblem(asOther, 404, 'not_found');
    const missingProblem = expectProblem(missing, 404, 'not_found');
    expect(foreignProblem.detail).toBe(missingProblem.detail);
    expectProblem(await ctx.app.inject({ url: `/api/v1/products/${foreign.id}` }), 401);
    const notUuid = await ctx.app.inject({ url: '/api/v1/products/abc', headers: customer.bearer });
    expect(expectProblem(notUuid, 400).errors?.[0]?.path).toBe('params.id');
  });
});

describe('POST /products/:id/cancellation', () => {
  it('cancels at the earliest date, confirms by e-mail and refuses a second one', async () => {
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const product = await createProduct(ctx.db, customer.user.id);
    const url = `/api/v1/products/${product.id}/cancellation`;

    const sentAt = Date.now();
    const response = await ctx.app.inject({
      method: 'POST',
      url,
      headers: customer.bearer,
      payload: { type: 'ordinary' },
    });
    expect(response.statusCode).toBe(201);
    const earliest = earliestEndDate(terms, today());
    const cancellation = response.json();
    expect(cancellation).toMatchObject({ productId: product.id, type: 'ordinary', effectiveDate: earliest });
    // Stamped while the request ran (the database keeps milliseconds or finer).
    expect(Date.parse(cancellation.receivedAt)).toBeGreaterThanOrEqual(sentAt - 1);
    expect(Date.parse(cancellation.receivedAt)).toBeLessThanOrEqual(Date.now());

    const [mail] = await findEmailsTo(ctx.db, customer.user.email);
    expect(mail?.template).toBe('cancellation.confirmed');
    const [year, month, day] = earliest.split('-');
    expect(mail?.textBody).toContain(`Der Vertrag endet zum ${day}.${month}.${year}.`);
    expect(mail?.textBody).toContain(product.contractNumber);
    expect(mail?.textBody).toContain('Eingang der Kündigung:');

    const detail = await ctx.app.inject({ url: `/api/v1/products/${product.id}`, headers: customer.bearer });
    expect(detail.json()).toMatchObject({
      status: 'cancellation_pending',
      endDate: earliest,
      termEndsOn: earliest,
      contract: { earliestEndDate: null },
      cancellation: { id: cancellation.id, effectiveDate: earliest, receivedAt: cancellation.receivedAt },
    });

    const again = await ctx.app.inject({
      method: 'POST',
      url,
      headers: customer.bearer,
      payload: { type: 'ordinary' },
    });
    expectProblem(again, 409, 'conflict');
  });

  it('refuses an end date the contract does not allow, naming the earliest', async () => {
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const product = await createProduct(ctx.db, customer.user.id);
    const response = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/products/${product.id}/cancellation`,
      headers: customer.bearer,
      payload: { type: 'ordinary', endDate: today() },
    });
    const problem = expectProblem(response, 422, 'unprocessable');
    expect(problem.earliestEndDate).toBe(earliestEndDate(terms, today()));
    expect(problem.errors?.[0]?.path).toBe('endDate');
    expect((await findCustomerProduct(ctx.db, customer.user.id, product.id))?.status).toBe('active');
    expect(await findEmailsTo(ctx.db, customer.user.email)).toHaveLength(0);
  });

  it('accepts a later term end and an extraordinary cancellation with its reason', async () => {
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const ordinary = await createProduct(ctx.db, customer.user.id);
    const later = currentTermEnd(terms, `${Number(earliestEndDate(terms, today()).slice(0, 4)) + 1}-06-01`);
    const accepted = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/products/${ordinary.id}/cancellation`,
      headers: customer.bearer,
      payload: { type: 'ordinary', endDate: later, reason: 'Umzug' },
    });
    expect(accepted.json()).toMatchObject({ effectiveDate: later, reason: 'Umzug' });

    const extraordinary = await createProduct(ctx.db, customer.user.id);
    const url = `/api/v1/products/${extraordinary.id}/cancellation`;
    const withoutReason = await ctx.app.inject({
      method: 'POST',
      url,
      headers: customer.bearer,
      payload: { type: 'extraordinary' },
    });
    expect(expectProblem(withoutReason, 400, 'validation_failed').errors?.[0]?.path).toBe('reason');
    const withReason = await ctx.app.inject({
      method: 'POST',
      url,
      headers: customer.bearer,
      payload: { type: 'extraordinary', reason: 'Wiederholte Stromausfälle' },
    });
    expect(withReason.json()).toMatchObject({ type: 'extraordinary', effectiveDate: today() });
  });

  it("answers 404 for another customer's product and 401 without a session", async () => {
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const owner = await signedInCustomer(ctx.app, ctx.db);
    const foreign = await createProduct(ctx.db, owner.user.id);
    const url = `/api/v1/products/${foreign.id}/cancellation`;
    const asOther = await ctx.app.inject({
      method: 'POST',
      url,
      headers: customer.bearer,
      payload: { type: 'ordinary' },
    });
    expectProblem(asOther, 404, 'not_found');
    expectProblem(await ctx.app.inject({ method: 'POST', url, payload: { type: 'ordinary' } }), 401);
    expect((await findCustomerProduct(ctx.db, owner.user.id, foreign.id))?.status).toBe('active');
  });
});

describe('contract ending and account deletion', () => {
  it('counts running and not yet ended contracts as blocking the account deletion', async () => {
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const running = await createProduct(ctx.db, customer.user.id, { name: 'Läuft' });
    const cancelled = await createProduct(ctx.db, customer.user.id, { name: 'Gekündigt' });
    const endDate = addDays(today(), 5);
    const response = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/products/${cancelled.id}/cancellation`,
      headers: customer.bearer,
      payload: { type: 'extraordinary', reason: 'Test', endDate },
    });
    expect(response.statusCode).toBe(201);

    const blockers = await findDeletionBlockingContracts(ctx.db, customer.user.id);
    expect(blockers.map((row) => row.name).sort()).toEqual(['Gekündigt', 'Läuft']);
    // On its end date the cancelled contract no longer stands in the way.
    expect(await findDeletionBlockingContracts(ctx.db, customer.user.id, endDate)).toEqual([
      { id: running.id, name: 'Läuft' },
    ]);
  });

  it('the daily job marks contracts past their end date as ended', async () => {
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const product = await createProduct(ctx.db, customer.user.id);
    await insertCancellation(ctx.db, {
      customerId: customer.user.id,
      productId: product.id,
      type: 'ordinary',
      effectiveDate: '2025-12-31',
      channel: 'portal',
    });
    await setProductStatus(ctx.db, customer.user.id, product.id, 'cancellation_pending');
    const before = await ctx.app.inject({ url: `/api/v1/products/${product.id}`, headers: customer.bearer });
    expect(before.json()).toMatchObject({ status: 'ended', endDate: '2025-12-31' });

    expect(await ctx.app.jobs.runDue('products.end-cancelled-contracts')).toBe(true);
    expect((await findCustomerProduct(ctx.db, customer.user.id, product.id))?.status).toBe('ended');
    expect(await findDeletionBlockingContracts(ctx.db, customer.user.id)).toEqual([]);
  });
});
