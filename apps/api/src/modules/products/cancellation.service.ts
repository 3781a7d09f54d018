import type { TCancellation, TCancellationChannel, TCancellationType } from '@portal/contracts';
import type { Database, DbOrTx } from '../../db/client';
import type { CustomerProductRow, ProductCancellationRow } from '../../db/schema/index';
import { AppError } from '../../lib/app-error';
import { today } from '../../lib/calendar';
import type { CustomerId } from '../customers/customer-id';
import { type RequestOrigin, recordSecurityEvent } from '../security-log/security-log';
import { publishEvent } from '../webhooks/webhooks.service';
import { sendCancellationConfirmation } from './cancellation-emails';
import {
  decideExtraordinaryEndDate,
  decideOrdinaryEndDate,
  type EndDateDecision,
  earliestEndDate,
  firstTermEndOnOrAfter,
} from './contract-terms';
import { findCustomerContact, insertCancellation, lockCustomerProduct, setProductStatus } from './products.repository';
import { termsOf } from './products.service';

export interface CancellationRequest {
  type: TCancellationType;
  reason?: string | undefined;
  endDate?: string | undefined;
}

export function decideEndDate(product: CustomerProductRow, request: CancellationRequest, receivedOn: string) {
  return request.type === 'ordinary'
    ? decideOrdinaryEndDate(termsOf(product), receivedOn, request.endDate)
    : decideExtraordinaryEndDate(receivedOn, request.endDate);
}

/**
 * The end date of a cancellation nobody can be asked about (the public form, a letter, a linked
 * declaration): the date asked for when the contract allows it, else the first one it does
 * (a cancellation to an impossible date takes effect at the next possible one).
 */
export function effectiveDateFor(
  product: CustomerProductRow,
  request: CancellationRequest,
  receivedOn: string,
): string {
  const decision = decideEndDate(product, request, receivedOn);
  if (decision.ok) return decision.effectiveDate;
  if (request.type === 'extraordinary') return receivedOn;
  const terms = termsOf(product);
  const earliest = earliestEndDate(terms, receivedOn);
  const wanted = request.endDate && request.endDate > earliest ? request.endDate : earliest;
  return firstTermEndOnOrAfter(terms, wanted);
}

export function toCancellation(row: ProductCancellationRow): TCancellation {
  return {
    id: row.id,
    productId: row.productId,
    type: row.type,
    reason: row.reason,
    receivedAt: row.receivedAt.toISOString(),
    effectiveDate: row.effectiveDate,
  };
}

/**
 * Records a cancellation of a locked, active contract, marks the contract and queues the
 * confirmation to the account's registered address — all in the caller's transaction.
 * `origin` is the customer's own request on the portal channel; for the others it is at most the
 * request's id (`requestOnly`): a stranger's or a staff member's address and browser stay out of
 * the customer's security log.
 */
export async function recordCancellation(
  tx: DbOrTx,
  product: CustomerProductRow,
  request: CancellationRequest & {
    channel: TCancellationChannel;
    receivedAt: Date;
    effectiveDate: string;
    origin: RequestOrigin | null;
  },
) {
  const row = await insertCancellation(tx, {
    customerId: product.customerId,
    productId: product.id,
    type: request.type,
    reason: request.reason || null,
    requestedEndDate: request.endDate ?? null,
    effectiveDate: request.effectiveDate,
    channel: request.channel,
    receivedAt: request.receivedAt,
  });
  if (!row) throw new AppError('conflict', 'This product has already been cancelled.');
  await setProductStatus(tx, product.customerId, product.id, 'cancellation_pending');
  await recordSecurityEvent(tx, {
    type: 'product.cancelled',
    userId: product.customerId,
    origin: request.origin,
    details: { contractNumber: product.contractNumber, channel: request.channel, effectiveDate: request.effectiveDate },
  });
  const contact = await findCustomerContact(tx, product.customerId);
  if (contact) {
    await sendCancellationConfirmation(tx, {
      to: contact.email,
      customerId: product.customerId,
      customerName: contact.name,
      productName: product.name,
      contractNumber: product.contractNumber,
      type: row.type,
      reason: row.reason,
      receivedAt: row.receivedAt,
      effectiveDate: row.effectiveDate,
      channel: row.channel,
    });
  }
  await publishEvent(tx, product.customerId, 'contract.cancelled', {
    productId: product.id,
    contractNumber: product.contractNumber,
    cancellationId: row.id,
    type: row.type,
    effectiveDate: row.effectiveDate,
  });
  return row;
}

function refuse(decision: Extract<EndDateDecision, { ok: false }>, type: TCancellationType): never {
  const message =
    type === 'ordinary'
      ? `The contract can end on ${decision.earliestEndDate} at the earliest, or at the end of a later term.`
      : `An extraordinary cancellation cannot end before ${decision.earliestEndDate}.`;
  throw new AppError('unprocessable', message, {
    earliestEndDate: decision.earliestEndDate,
    errors: [{ path: 'endDate', code: 'endDateNotAllowed', message }],
  });
}

/** A signed-in customer cancels one of their products. */
export async function cancelProduct(
  db: Database,
  customerId: CustomerId,
  productId: string,
  request: CancellationRequest,
  origin: RequestOrigin,
  now = new Date(),
): Promise<TCancellation> {
  return db.transaction(async (tx) => {
    const product = await lockCustomerProduct(tx, customerId, productId);
    if (!product) throw AppError.notFound('product');
    if (product.status !== 'active') throw new AppError('conflict', 'This product has already been cancelled.');
    const decision = decideEndDate(product, request, today(now));
    if (!decision.ok) refuse(decision, request.type);
    const row = await recordCancellation(tx, product, {
      ...request,
      channel: 'portal',
      origin,
      receivedAt: now,
      effectiveDate: decision.effectiveDate,
    });
    return toCancellation(row);
  });
}
