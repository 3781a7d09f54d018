import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import type { Database } from '../src/db/client';
import { type ProductSpec, productCatalog } from '../src/db/schema/index';
import type { CustomerId } from '../src/modules/customers/customer-id';
import { insertCustomerProduct, type NewCustomerProduct } from '../src/modules/products/products.repository';

type CatalogOverrides = Partial<typeof productCatalog.$inferInsert>;

export async function createCatalogItem(db: Database, overrides: CatalogOverrides = {}) {
  const specs: ProductSpec[] = [
    { key: 'location', value: 'Halle A' },
    { key: 'heightUnits', value: '4' },
  ];
  const [row] = await db
    .insert(productCatalog)
    .values({ sku: `TEST-${randomUUID()}`, kind: 'colocation_unit', name: 'Colocation 4 HE', specs, ...overrides })
    .returning();
  if (!row) throw new Error('createCatalogItem returned nothing');
  return row;
}

type ProductOverrides = Partial<Omit<NewCustomerProduct, 'customerId' | 'contractNumber'>>;

/** A running contract of `customerId`: 12 months from 2025-01-01, 3 months notice, renewing yearly. */
export async function createProduct(db: Database, customerId: CustomerId, overrides: ProductOverrides = {}) {
  const catalogId = overrides.catalogId ?? (await createCatalogItem(db)).id;
  return insertCustomerProduct(db, {
    customerId,
    catalogId,
    name: 'Colocation 4 HE Halle A',
    startDate: '2025-01-01',
    priceCents: 19_900,
    billingInterval: 'monthly',
    minimumTermMonths: 12,
    noticePeriodMonths: 3,
    renewalMonths: 12,
    ...overrides,
  });
}

/**
 * A contract booked as the back office books it (`POST /admin/products`), so it has its order
 * confirmation and the other documents: the first catalogue product from 2026-01-01, 199 € a month.
 */
export async function bookThroughApi(
  app: FastifyInstance,
  admin: { bearer: Record<string, string> },
  customerId: string,
) {
  const catalog = await app.inject({ url: '/api/v1/admin/product-catalog', headers: admin.bearer });
  const booked = await app.inject({
    method: 'POST',
    url: '/api/v1/admin/products',
    headers: admin.bearer,
    payload: {
      customerId,
      sku: catalog.json().items[0].sku,
      startDate: '2026-01-01',
      price: { amount: 19_900, interval: 'monthly' },
      minimumTermMonths: 12,
      noticePeriodMonths: 3,
      renewalMonths: 12,
    },
  });
  expect(booked.statusCode, booked.body).toBe(201);
  return booked.json<{ id: string }>().id;
}
