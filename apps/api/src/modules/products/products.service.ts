import type { TContractChange, TProduct, TProductDetail, TProductStatus } from '@portal/contracts';
import type { DbOrTx } from '../../db/client';
import type { ContractChangeRow, ContractTermsSnapshot, CustomerProductRow } from '../../db/schema/index';
import { AppError } from '../../lib/app-error';
import { today } from '../../lib/calendar';
import { pageOf } from '../../lib/pagination';
import type { CustomerId } from '../customers/customer-id';
import { findContractChanges } from './contract-changes.repository';
import {
  type ContractTerms,
  currentTermEnd,
  earliestEndDate,
  noticeDeadline,
  runsIndefinitely,
} from './contract-terms';
import { productPrice } from './product-price';
import { specLabel } from './product-specs';
import {
  findCustomerProductDetails,
  findCustomerProducts,
  type ProductCursor,
  type ProductWithDetails,
} from './products.repository';

export function termsOf(product: CustomerProductRow): ContractTerms {
  return {
    startDate: product.startDate,
    minimumTermMonths: product.minimumTermMonths,
    noticePeriodMonths: product.noticePeriodMonths,
    renewalMonths: product.renewalMonths,
  };
}

/**
 * The status as of `onDay`: a cancelled contract has ended once its end date is past, even
 * before the daily job has written that down.
 */
export function statusOn(row: ProductWithDetails, onDay: string): TProductStatus {
  const effective = row.cancellation?.effectiveDate;
  if (row.product.status === 'cancellation_pending' && effective && effective < onDay) return 'ended';
  return row.product.status;
}

export function toProduct(row: ProductWithDetails, onDay: string): TProduct {
  const { product, catalog, cancellation } = row;
  return {
    id: product.id,
    contractNumber: product.contractNumber,
    name: product.name,
    category: catalog.kind,
    status: statusOn(row, onDay),
    startDate: product.startDate,
    price: productPrice(product.priceCents, product.billingInterval),
    termEndsOn: cancellation?.effectiveDate ?? currentTermEnd(termsOf(product), onDay),
    runsIndefinitely: !cancellation && runsIndefinitely(termsOf(product), onDay),
    endDate: cancellation?.effectiveDate ?? null,
  };
}

function termsValues(terms: ContractTermsSnapshot) {
  return {
    price: productPrice(terms.priceCents, terms.billingInterval),
    minimumTermMonths: terms.minimumTermMonths,
    noticePeriodMonths: terms.noticePeriodMonths,
    renewalMonths: terms.renewalMonths,
  };
}

export function toContractChange(row: ContractChangeRow, onDay: string): TContractChange {
  return {
    id: row.id,
    version: row.version,
    effectiveDate: row.effectiveDate,
    inEffect: row.effectiveDate <= onDay,
    reason: row.reason,
    before: termsValues(row.previous),
    after: termsValues(row),
    documentId: row.documentId,
    createdAt: row.createdAt.toISOString(),
  };
}

/** `changes`: the contract's changes of price or terms, newest first (none right after booking). */
export function toProductDetail(
  row: ProductWithDetails,
  onDay: string,
  changes: ContractChangeRow[] = [],
): TProductDetail {
  const base = toProduct(row, onDay);
  const terms = termsOf(row.product);
  const earliest = base.status === 'active' ? earliestEndDate(terms, onDay) : null;
  return {
    ...base,
    specs: row.catalog.specs.map((spec) => ({ key: spec.key, label: specLabel(spec.key), value: spec.value })),
    contract: {
      minimumTermMonths: terms.minimumTermMonths,
      noticePeriodMonths: terms.noticePeriodMonths,
      renewalMonths: terms.renewalMonths,
      termEndsOn: base.termEndsOn,
      earliestEndDate: earliest,
      noticeDeadline: earliest ? noticeDeadline(terms, earliest) : null,
    },
    cancellation: row.cancellation
      ? {
          id: row.cancellation.id,
          type: row.cancellation.type,
          reason: row.cancellation.reason,
          receivedAt: row.cancellation.receivedAt.toISOString(),
          effectiveDate: row.cancellation.effectiveDate,
          byProvider: row.cancellation.channel === 'provider',
        }
      : null,
    changes: changes.map((change) => toContractChange(change, onDay)),
  };
}

/** Opaque keyset cursor: the last item's start date and id. */
export function encodeCursor(cursor: ProductCursor): string {
  return Buffer.from(`${cursor.startDate}|${cursor.id}`).toString('base64url');
}

export function decodeCursor(value: string): ProductCursor {
  const [startDate, id] = Buffer.from(value, 'base64url').toString().split('|');
  if (!startDate || !id || !/^\d{4}-\d{2}-\d{2}$/.test(startDate) || !/^[0-9a-f-]{36}$/i.test(id)) {
    throw AppError.validation([{ path: 'cursor', message: 'Invalid cursor.' }]);
  }
  return { startDate, id };
}

export async function listProducts(db: DbOrTx, customerId: CustomerId, limit: number, cursor?: string) {
  const onDay = today();
  const rows = await findCustomerProducts(db, customerId, limit + 1, cursor ? decodeCursor(cursor) : undefined);
  const page = pageOf(rows, limit, (last) => encodeCursor({ startDate: last.product.startDate, id: last.product.id }));
  return { items: page.rows.map((row) => toProduct(row, onDay)), nextCursor: page.nextCursor, hasMore: page.hasMore };
}

export async function getProductDetail(db: DbOrTx, customerId: CustomerId, productId: string) {
  const row = await findCustomerProductDetails(db, customerId, productId);
  if (!row) throw AppError.notFound('product');
  return toProductDetail(row, today(), await findContractChanges(db, customerId, productId));
}
