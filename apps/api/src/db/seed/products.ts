import { loadConfig, type ProviderIdentity } from '../../config';
import { today } from '../../lib/calendar';
import type { CustomerAccount } from '../../modules/customers/customers.repository';
import { prepareContractDocuments, storeContractDocuments } from '../../modules/products/contract-documents.service';
import { earliestEndDate, INDEFINITE_RENEWAL } from '../../modules/products/contract-terms';
import {
  insertCancellation,
  insertCustomerProduct,
  setProductStatus,
} from '../../modules/products/products.repository';
import { createPdfRenderer, type PdfRenderer } from '../../pdf/pdf-renderer';
import type { DbOrTx } from '../client';
import { type ProductCatalogRow, productCatalog } from '../schema/index';
import type { SeededAccounts } from './accounts';

const catalogue: Array<typeof productCatalog.$inferInsert> = [
  {
    sku: 'RACK-42HE',
    kind: 'rack',
    name: 'Rack 42 HE',
    specs: [
      { key: 'location', value: 'Enge-Sande, Halle B' },
      { key: 'heightUnits', value: '42' },
      { key: 'power', value: '2 × 16 A, 230 V' },
      { key: 'powerFeeds', value: 'A+B redundant' },
    ],
  },
  {
    sku: 'COLO-4HE',
    kind: 'colocation_unit',
    name: 'Colocation 4 HE',
    specs: [
      { key: 'location', value: 'Enge-Sande, Halle A' },
      { key: 'heightUnits', value: '4' },
      { key: 'power', value: '1 A, 230 V' },
    ],
  },
  {
    sku: 'COLO-1HE',
    kind: 'colocation_unit',
    name: 'Colocation 1 HE',
    specs: [
      { key: 'location', value: 'Enge-Sande, Halle A' },
      { key: 'heightUnits', value: '1' },
      { key: 'power', value: '0,5 A, 230 V' },
    ],
  },
  {
    sku: 'CLOUD-M',
    kind: 'cloud_server',
    name: 'Cloud-Server M',
    specs: [
      { key: 'vcpu', value: '8' },
      { key: 'ramGb', value: '32' },
      { key: 'storageGb', value: '400 (NVMe)' },
      { key: 'operatingSystem', value: 'Debian 12' },
      { key: 'location', value: 'Enge-Sande' },
    ],
  },
  {
    sku: 'CLOUD-S',
    kind: 'cloud_server',
    name: 'Cloud-Server S',
    specs: [
      { key: 'vcpu', value: '2' },
      { key: 'ramGb', value: '4' },
      { key: 'storageGb', value: '80 (NVMe)' },
    ],
  },
  {
    sku: 'BACKUP-2TB',
    kind: 'backup_storage',
    name: 'Backup-Speicher 2 TB',
    specs: [
      { key: 'storageGb', value: '2000' },
      { key: 'retentionDays', value: '30' },
      { key: 'location', value: 'Zweitstandort Husum' },
    ],
  },
  {
    sku: 'XCONNECT-SM',
    kind: 'cross_connect',
    name: 'Cross-Connect Singlemode',
    specs: [
      { key: 'connector', value: 'LC/UPC, Singlemode' },
      { key: 'bandwidth', value: '10 Gbit/s' },
    ],
  },
  {
    sku: 'IPV4-28',
    kind: 'ip_range',
    name: 'IPv4-Netz /28',
    specs: [
      { key: 'ipv4Prefix', value: '/28' },
      { key: 'addresses', value: '16' },
    ],
  },
];

type Booking = {
  sku: string;
  name: string;
  startDate: string;
  priceCents: number;
  billingInterval: 'monthly' | 'quarterly' | 'yearly';
  minimumTermMonths: number;
  noticePeriodMonths: number;
  renewalMonths: number;
  /** Received this many days ago, at the earliest date then possible. */
  cancelledDaysAgo?: number;
};

const demoBookings: Booking[] = [
  {
    sku: 'RACK-42HE',
    name: 'Rack B-07',
    startDate: '2024-02-01',
    priceCents: 89_000,
    billingInterval: 'monthly',
    minimumTermMonths: 36,
    noticePeriodMonths: 3,
    renewalMonths: 12,
  },
  {
    sku: 'COLO-4HE',
    name: 'Colocation 4 HE – Halle A, Platz 12',
    startDate: '2025-04-15',
    priceCents: 14_900,
    billingInterval: 'monthly',
    minimumTermMonths: 12,
    noticePeriodMonths: 3,
    renewalMonths: 12,
  },
  {
    sku: 'CLOUD-M',
    name: 'Cloud-Server M „web-01“',
    startDate: '2025-09-01',
    priceCents: 7_900,
    billingInterval: 'monthly',
    minimumTermMonths: 1,
    noticePeriodMonths: 1,
    renewalMonths: 1,
  },
  {
    sku: 'XCONNECT-SM',
    name: 'Cross-Connect zu DE-CIX-Anbindung',
    startDate: '2024-05-01',
    priceCents: 9_900,
    billingInterval: 'monthly',
    minimumTermMonths: 12,
    noticePeriodMonths: 1,
    renewalMonths: 12,
  },
  {
    sku: 'IPV4-28',
    name: 'IPv4-Netz 198.51.100.0/28',
    startDate: '2024-02-01',
    priceCents: 3_000,
    billingInterval: 'monthly',
    minimumTermMonths: 12,
    noticePeriodMonths: 1,
    renewalMonths: 1,
  },
  {
    sku: 'BACKUP-2TB',
    name: 'Backup-Speicher 2 TB',
    startDate: '2024-06-01',
    priceCents: 58_800,
    billingInterval: 'yearly',
    minimumTermMonths: 12,
    noticePeriodMonths: 1,
    renewalMonths: 12,
    cancelledDaysAgo: 20,
  },
];

const otherBookings: Booking[] = [
  {
    sku: 'CLOUD-S',
    name: 'Cloud-Server S „mail“',
    startDate: '2025-03-01',
    priceCents: 1_900,
    billingInterval: 'monthly',
    minimumTermMonths: 1,
    noticePeriodMonths: 1,
    renewalMonths: 1,
  },
  {
    sku: 'COLO-1HE',
    name: 'Colocation 1 HE',
    startDate: '2024-11-01',
    priceCents: 4_900,
    billingInterval: 'quarterly',
    minimumTermMonths: 24,
    noticePeriodMonths: 3,
    renewalMonths: 12,
  },
];

/** Consumer terms (§309 Nr. 9 BGB): at most 24 months, then indefinite with one month's notice. */
const consumerBookings: Booking[] = [
  {
    // Past its initial term: cancellable any day, ending one month after receipt.
    sku: 'CLOUD-S',
    name: 'Cloud-Server S „fotos“',
    startDate: '2024-06-01',
    priceCents: 1_900,
    billingInterval: 'monthly',
    minimumTermMonths: 12,
    noticePeriodMonths: 1,
    renewalMonths: INDEFINITE_RENEWAL,
  },
  {
    sku: 'BACKUP-2TB',
    name: 'Backup-Speicher 2 TB',
    startDate: '2026-03-01',
    priceCents: 4_900,
    billingInterval: 'monthly',
    minimumTermMonths: 24,
    noticePeriodMonths: 1,
    renewalMonths: INDEFINITE_RENEWAL,
  },
];

async function book(
  tx: DbOrTx,
  renderer: PdfRenderer,
  provider: ProviderIdentity,
  customer: CustomerAccount,
  catalog: ProductCatalogRow,
  booking: Booking,
) {
  const { sku: _sku, cancelledDaysAgo, ...terms } = booking;
  const product = await insertCustomerProduct(tx, { customerId: customer.id, catalogId: catalog.id, ...terms });
  const documents = await prepareContractDocuments(tx, renderer, {
    provider,
    customer,
    product,
    catalog,
  });
  await storeContractDocuments(tx, product, product.startDate, documents);
  if (cancelledDaysAgo !== undefined) {
    const receivedAt = new Date(Date.now() - cancelledDaysAgo * 86_400_000);
    await insertCancellation(tx, {
      customerId: customer.id,
      productId: product.id,
      type: 'ordinary',
      reason: 'Wechsel zu eigenem Backup-System',
      effectiveDate: earliestEndDate(product, today(receivedAt)),
      channel: 'portal',
      receivedAt,
    });
    await setProductStatus(tx, customer.id, product.id, 'cancellation_pending');
  }
}

/**
 * The catalogue and the demo contracts with real PDF documents (rendered here once, stored with
 * their SHA-256 like any booking's). The demo customer's backup storage is already cancelled.
 */
export async function seedProducts(tx: DbOrTx, { demo, other, consumer }: SeededAccounts) {
  const rows = await tx.insert(productCatalog).values(catalogue).returning();
  const bySku = new Map(rows.map((row) => [row.sku, row]));
  const config = loadConfig();
  const renderer = createPdfRenderer({ executablePath: config.CHROMIUM_PATH, poolSize: 1 });
  try {
    for (const [customer, bookings] of [
      [demo, demoBookings],
      [other, otherBookings],
      [consumer, consumerBookings],
    ] as const) {
      for (const booking of bookings) {
        const catalog = bySku.get(booking.sku);
        if (!catalog) throw new Error(`seed: unknown SKU ${booking.sku}`);
        await book(tx, renderer, config.provider, customer, catalog, booking);
      }
    }
  } finally {
    await renderer.close();
  }
}
