import { randomUUID } from 'node:crypto';
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
