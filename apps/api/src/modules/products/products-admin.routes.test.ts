import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app';
import { expectProblem, signedInCustomer, signedInStaff } from '../../../test/factories';
import { createCatalogItem } from '../../../test/product-factories';
import { today } from '../../lib/calendar';

const ctx = useTestApp();

async function book(staffBearer: { authorization: string }, customerId: string, sku: string) {
  return ctx.app.inject({
    method: 'POST',
    url: '/api/v1/admin/products',
    headers: staffBearer,
    payload: {
      customerId,
      sku,
      name: 'Rack <B-07>',
      startDate: '2026-01-01',
      price: { amount: 89_000, interval: 'monthly' },
      minimumTermMonths: 24,
      noticePeriodMonths: 3,
      renewalMonths: 12,
    },
  });
}

describe('booking a product and its contract documents', () => {
  it('books a product with four PDF documents that the customer alone can download', async () => {
    const staff = await signedInStaff(ctx.app, ctx.db);
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const other = await signedInCustomer(ctx.app, ctx.db);
    const catalog = await createCatalogItem(ctx.db, { kind: 'rack', name: 'Rack 42 HE' });

    const catalogList = await ctx.app.inject({ url: '/api/v1/admin/product-catalog', headers: staff.bearer });
    expect(catalogList.json().items).toContainEqual(expect.objectContaining({ sku: catalog.sku, category: 'rack' }));

    const booked = await book(staff.bearer, customer.user.id, catalog.sku);
    expect(booked.statusCode).toBe(201);
    const product = booked.json();
    expect(product).toMatchObject({
      customerId: customer.user.id,
      name: 'Rack <B-07>',
      category: 'rack',
      status: 'active',
      contractNumber: expect.stringMatching(/^V-\d{6,}$/),
      contract: { minimumTermMonths: 24, termEndsOn: '2027-12-31' },
    });

    const list = await ctx.app.inject({ url: `/api/v1/products/${product.id}/documents`, headers: customer.bearer });
    expect(list.statusCode).toBe(200);
    const documents = list.json().items as Array<{ id: string; kind: string; sha256: string; sizeBytes: number }>;
    expect(documents.map((document) => document.kind).sort()).toEqual([
      'data_processing',
      'order_confirmation',
      'sla',
      'terms',
    ]);
    expect(documents.every((document) => document.sizeBytes > 500)).toBe(true);
    expect(list.json().items[0]).toMatchObject({ acceptedOn: today() });

    const confirmation = documents.find((document) => document.kind === 'order_confirmation');
    const download = await ctx.app.inject({
      url: `/api/v1/products/${product.id}/documents/${confirmation?.id}`,
      headers: customer.bearer,
    });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toMatch(/^attachment; filename="order_confirmation-V-\d+\.pdf"$/);
    expect(download.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(createHash('sha256').update(download.rawPayload).digest('hex')).toBe(confirmation?.sha256);
    expect(download.rawPayload.length).toBe(confirmation?.sizeBytes);

    // Another customer gets 404 for the list and the file, like for a product that does not exist.
    const foreignList = await ctx.app.inject({
      url: `/api/v1/products/${product.id}/documents`,
      headers: other.bearer,
    });
    expectProblem(foreignList, 404, 'not_found');
    const foreignFile = await ctx.app.inject({
      url: `/api/v1/products/${product.id}/documents/${confirmation?.id}`,
      headers: other.bearer,
    });
    expectProblem(foreignFile, 404, 'not_found');
    expectProblem(await ctx.app.inject({ url: `/api/v1/products/${product.id}/documents` }), 401);

    // The general terms are stored once: a second booking shares their bytes, not the order confirmation.
    const second = (await book(staff.bearer, other.user.id, catalog.sku)).json();
    const secondDocuments = (
      await ctx.app.inject({ url: `/api/v1/products/${second.id}/documents`, headers: other.bearer })
    ).json().items as Array<{ kind: string; sha256: string }>;
    const hashOf = (items: Array<{ kind: string; sha256: string }>, kind: string) =>
      items.find((item) => item.kind === kind)?.sha256;
    expect(hashOf(secondDocuments, 'terms')).toBe(hashOf(documents, 'terms'));
    expect(hashOf(secondDocuments, 'order_confirmation')).not.toBe(hashOf(documents, 'order_confirmation'));
  });

  it('answers 404 for an unknown customer, 422 for an unknown SKU and 403 to customers', async () => {
    const staff = await signedInStaff(ctx.app, ctx.db);
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const catalog = await createCatalogItem(ctx.db);
    expectProblem(await book(staff.bearer, '00000000-0000-4000-8000-000000000000', catalog.sku), 404, 'not_found');
    const unknownSku = await book(staff.bearer, customer.user.id, 'NOPE');
    expect(expectProblem(unknownSku, 422, 'unprocessable').errors?.[0]?.path).toBe('sku');
    expectProblem(await book(customer.bearer, customer.user.id, catalog.sku), 403, 'forbidden');
    for (const url of [
      '/api/v1/admin/product-catalog',
      '/api/v1/admin/cancellations',
      '/api/v1/admin/cancellation-declarations',
    ]) {
      expectProblem(await ctx.app.inject({ url, headers: customer.bearer }), 403, 'forbidden');
      expectProblem(await ctx.app.inject({ url }), 401, 'unauthenticated');
    }
  });
});
