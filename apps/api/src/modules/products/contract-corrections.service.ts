import type { TMoveContractEndBody } from '@portal/contracts';
import type { Database } from '../../db/client';
import { AppError } from '../../lib/app-error';
import { today } from '../../lib/calendar';
import { sendContractChangeCancelledNotice, sendContractEndMovedNotice } from './contract-change-emails';
import { deleteWaitingChange, lockContractChange } from './contract-changes.repository';
import { ownerOf } from './contracts-admin.service';
import {
  findCustomerContact,
  findCustomerProductDetails,
  lockCustomerProduct,
  setCancellationEndDate,
  setProductStatus,
} from './products.repository';

// Staff correct what was already decided about a contract (ADR 0026-c): the end date of a cancelled
// or ended contract, and a change of terms that has not taken effect yet.

/**
 * Moves the end of a cancelled or ended contract to another day (not before its start). A day in
 * the past ends it now; today or later lets it run until then, also when it had already ended.
 * The customer is told by e-mail.
 */
export async function moveContractEnd(db: Database, productId: string, body: TMoveContractEndBody, now = new Date()) {
  const { customerId } = await ownerOf(db, productId);
  const onDay = today(now);
  return db.transaction(async (tx) => {
    const product = await lockCustomerProduct(tx, customerId, productId);
    const details = await findCustomerProductDetails(tx, customerId, productId);
    if (!product || !details) throw AppError.notFound('contract');
    const previousEndDate = details.cancellation?.effectiveDate;
    if (product.status === 'active' || !previousEndDate) {
      throw new AppError('conflict', 'Only a cancelled or ended contract has an end date to move.');
    }
    if (body.endDate < product.startDate) {
      throw AppError.validation([
        { path: 'endDate', code: 'beforeStart', message: 'must not be before the start of the contract' },
      ]);
    }
    if (body.endDate === previousEndDate) {
      throw AppError.validation([
        { path: 'endDate', code: 'sameEndDate', message: 'is the end date the contract already has' },
      ]);
    }
    await setCancellationEndDate(tx, customerId, productId, body.endDate);
    await setProductStatus(tx, customerId, productId, body.endDate < onDay ? 'ended' : 'cancellation_pending');
    const contact = await findCustomerContact(tx, customerId);
    if (contact) {
      await sendContractEndMovedNotice(tx, customerId, contact, product, {
        previousEndDate,
        ...body,
        movedOn: onDay,
      });
    }
    return { customerId, previousEndDate, previousStatus: product.status };
  });
}

/**
 * Cancels a change whose day has not come: the change and its document version go, so the
 * customer's contract and documents are as before it; the customer is told by e-mail.
 */
export async function cancelContractChange(db: Database, productId: string, changeId: string, now = new Date()) {
  const { customerId } = await ownerOf(db, productId);
  return db.transaction(async (tx) => {
    // The change first, then the contract: the hourly job takes its locks in that order too.
    const change = await lockContractChange(tx, customerId, productId, changeId);
    if (!change) throw AppError.notFound('contract change');
    const product = await lockCustomerProduct(tx, customerId, productId);
    if (!product) throw AppError.notFound('contract');
    if (change.appliedAt || change.effectiveDate <= today(now)) {
      throw new AppError('conflict', 'This change has already taken effect; make a new change instead.');
    }
    await deleteWaitingChange(tx, change);
    const contact = await findCustomerContact(tx, customerId);
    if (contact) await sendContractChangeCancelledNotice(tx, customerId, contact, product, change.effectiveDate);
    return { customerId, change };
  });
}
