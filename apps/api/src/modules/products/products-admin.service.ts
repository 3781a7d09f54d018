import type { ZBookProductBody } from '@portal/contracts';
import type { z } from 'zod';
import type { ProviderIdentity } from '../../config';
import type { Database } from '../../db/client';
import { AppError } from '../../lib/app-error';
import { today } from '../../lib/calendar';
import type { PdfRenderer } from '../../pdf/pdf-renderer';
import { asCustomerId } from '../customers/customer-id';
import { findCustomer } from '../customers/customers.repository';
import { prepareContractDocuments, storeContractDocuments } from './contract-documents.service';
import { consumerTermViolations } from './contract-terms';
import { findCustomerProductDetails, insertCustomerProduct } from './products.repository';
import { toProductDetail } from './products.service';
import { findCatalogItemBySku } from './products-admin.repository';
import type { InstantCursor } from './public-cancellations.repository';

type BookProduct = z.output<typeof ZBookProductBody>;

/**
 * Books a product for a customer: the contract row and its documents (rendered once the contract
 * number exists, stored in the same transaction), accepted on the day of booking.
 */
export async function bookProduct(db: Database, renderer: PdfRenderer, provider: ProviderIdentity, input: BookProduct) {
  const customer = await findCustomer(db, asCustomerId(input.customerId));
  if (!customer) throw AppError.notFound('customer');
  if (customer.customerType === 'consumer') {
    const violations = consumerTermViolations(input);
    if (violations.length > 0) {
      throw new AppError(
        'unprocessable',
        'These terms are not allowed in a contract with a consumer (§309 Nr. 9 BGB).',
        {
          errors: violations,
        },
      );
    }
  }
  const catalog = await findCatalogItemBySku(db, input.sku);
  if (!catalog) {
    throw new AppError('unprocessable', `No catalogue product has the SKU "${input.sku}".`, {
      errors: [{ path: 'sku', message: 'Unknown SKU.' }],
    });
  }
  const acceptedOn = today();
  const product = await db.transaction(async (tx) => {
    const row = await insertCustomerProduct(tx, {
      customerId: customer.id,
      catalogId: catalog.id,
      name: input.name ?? catalog.name,
      startDate: input.startDate,
      priceCents: input.price.amount,
      billingInterval: input.price.interval,
      minimumTermMonths: input.minimumTermMonths,
      noticePeriodMonths: input.noticePeriodMonths,
      renewalMonths: input.renewalMonths,
    });
    // Rendering inside the transaction keeps contract and documents all-or-nothing; a booking is rare.
    const documents = await prepareContractDocuments(tx, renderer, { provider, customer, product: row, catalog });
    await storeContractDocuments(tx, row, acceptedOn, documents);
    return row;
  });
  const details = await findCustomerProductDetails(db, customer.id, product.id);
  if (!details) throw new Error('booked product vanished');
  return { ...toProductDetail(details, today()), customerId: customer.id };
}

export function encodeInstantCursor(cursor: InstantCursor): string {
  return Buffer.from(`${cursor.receivedAt.toISOString()}|${cursor.id}`).toString('base64url');
}

export function decodeInstantCursor(value: string): InstantCursor {
  const [instant, id] = Buffer.from(value, 'base64url').toString().split('|');
  const receivedAt = new Date(instant ?? '');
  if (!id || Number.isNaN(receivedAt.getTime()) || !/^[0-9a-f-]{36}$/i.test(id)) {
    throw AppError.validation([{ path: 'cursor', message: 'Invalid cursor.' }]);
  }
  return { receivedAt, id };
}
