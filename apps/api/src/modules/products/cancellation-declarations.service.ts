import type { TCancellationDeclaration } from '@portal/contracts';
import type { Database } from '../../db/client';
import type { PublicCancellationRequestRow } from '../../db/schema/index';
import { AppError } from '../../lib/app-error';
import { today } from '../../lib/calendar';
import { pageOf } from '../../lib/pagination';
import type { AuthContext } from '../../plugins/auth';
import { recordSecurityEvent, requestOnly } from '../security-log/security-log';
import { effectiveDateFor, recordCancellation, toCancellation } from './cancellation.service';
import { sendDeclarationRejection } from './cancellation-emails';
import { lockProductForStaff } from './products-admin.repository';
import { decodeInstantCursor, encodeInstantCursor } from './products-admin.service';
import {
  type DeclarationStatus,
  findDeclarations,
  lockDeclaration,
  updateDeclaration,
} from './public-cancellations.repository';

/** The staff member who decides, and the request they do it with (their own security-log entry names it). */
type StaffActor = Pick<AuthContext, 'userId' | 'origin'>;

// The back office's review queue of §312k declarations, and cancellations staff record from the
// post or the support mailbox. Every decision is in the staff member's security log; the customer's
// log gets the cancellation or the rejection without the staff member's address or browser.

export function toDeclaration(row: PublicCancellationRequestRow, now: Date): TCancellationDeclaration {
  return {
    id: row.id,
    reference: row.reference,
    status: row.status,
    type: row.type,
    reason: row.reason,
    name: row.name,
    customerNumber: row.customerNumber,
    email: row.email,
    contract: row.contract,
    requestedEndDate: row.requestedEndDate,
    receiptSent: row.receiptSent,
    customerId: row.customerId,
    productId: row.productId,
    cancellationId: row.cancellationId,
    receivedAt: row.receivedAt.toISOString(),
    ageSeconds: Math.max(0, Math.floor((now.getTime() - row.receivedAt.getTime()) / 1000)),
    decidedAt: row.decidedAt?.toISOString() ?? null,
    decidedBy: row.decidedBy,
    rejectionReason: row.rejectionReason,
  };
}

export async function listDeclarations(
  db: Database,
  query: { status: DeclarationStatus; limit: number; cursor?: string | undefined },
  now = new Date(),
) {
  const rows = await findDeclarations(
    db,
    query.status,
    query.limit + 1,
    query.cursor ? decodeInstantCursor(query.cursor) : undefined,
  );
  const page = pageOf(rows, query.limit, encodeInstantCursor);
  return { items: page.rows.map((row) => toDeclaration(row, now)), nextCursor: page.nextCursor, hasMore: page.hasMore };
}

/** An id in the body that names no contract is bad input (422 naming the field); 404 is for the path. */
function unknownProduct() {
  const message = 'No contract has this id.';
  return new AppError('unprocessable', message, { errors: [{ path: 'productId', message }] });
}

function undecided(row: PublicCancellationRequestRow | undefined): PublicCancellationRequestRow {
  if (!row) throw AppError.notFound('declaration');
  if (row.status !== 'pending_review') {
    throw new AppError('conflict', `This declaration is ${row.status}, not waiting for review.`);
  }
  return row;
}

/** Applies a declaration to the contract staff found for it, as of the day it was received. */
export async function linkDeclaration(
  db: Database,
  staff: StaffActor,
  id: string,
  productId: string,
  now = new Date(),
) {
  return db.transaction(async (tx) => {
    const declaration = undecided(await lockDeclaration(tx, id));
    const product = await lockProductForStaff(tx, productId);
    if (!product) throw unknownProduct();
    if (product.status !== 'active') throw new AppError('conflict', 'This contract has already been cancelled.');
    const request = {
      type: declaration.type,
      reason: declaration.reason ?? undefined,
      endDate: declaration.requestedEndDate ?? undefined,
    };
    const cancellation = await recordCancellation(tx, product, {
      ...request,
      channel: 'public_form',
      origin: requestOnly(staff.origin),
      receivedAt: declaration.receivedAt,
      effectiveDate: effectiveDateFor(product, request, today(declaration.receivedAt)),
    });
    const row = await updateDeclaration(tx, declaration.id, {
      status: 'applied',
      customerId: product.customerId,
      productId: product.id,
      cancellationId: cancellation.id,
      decidedBy: staff.userId,
      decidedAt: now,
    });
    await recordSecurityEvent(tx, {
      type: 'cancellation.declaration_linked',
      userId: staff.userId,
      origin: staff.origin,
      details: {
        reference: declaration.reference,
        customerId: product.customerId,
        contractNumber: product.contractNumber,
        effectiveDate: cancellation.effectiveDate,
      },
    });
    return toDeclaration(row, now);
  });
}

/** Refuses a declaration; the declarant gets the reason at the address they gave. */
export async function rejectDeclaration(db: Database, staff: StaffActor, id: string, reason: string, now = new Date()) {
  return db.transaction(async (tx) => {
    const declaration = undecided(await lockDeclaration(tx, id));
    const row = await updateDeclaration(tx, declaration.id, {
      status: 'rejected',
      rejectionReason: reason,
      decidedBy: staff.userId,
      decidedAt: now,
    });
    await sendDeclarationRejection(tx, {
      to: declaration.email,
      language: declaration.language,
      name: declaration.name,
      reference: declaration.reference,
      receivedAt: declaration.receivedAt,
      reason,
    });
    await recordSecurityEvent(tx, {
      type: 'cancellation.declaration_rejected',
      userId: staff.userId,
      origin: staff.origin,
      details: { reference: declaration.reference, customerId: declaration.customerId },
    });
    if (declaration.customerId) {
      await recordSecurityEvent(tx, {
        type: 'cancellation.declaration_rejected',
        userId: declaration.customerId,
        origin: requestOnly(staff.origin),
        details: { channel: 'public_form', reference: declaration.reference },
      });
    }
    return toDeclaration(row, now);
  });
}

export interface RecordedCancellationInput {
  productId: string;
  type: 'ordinary' | 'extraordinary';
  reason?: string | undefined;
  endDate?: string | undefined;
  channel: 'letter' | 'email';
  receivedAt: string;
}

/** A cancellation that came by letter or e-mail, counted from when it arrived. */
export async function recordReceivedCancellation(
  db: Database,
  staff: StaffActor,
  input: RecordedCancellationInput,
  now = new Date(),
) {
  const receivedAt = new Date(input.receivedAt);
  if (receivedAt.getTime() > now.getTime()) {
    const message = 'The receipt cannot be in the future.';
    throw new AppError('unprocessable', message, { errors: [{ path: 'receivedAt', message }] });
  }
  return db.transaction(async (tx) => {
    const product = await lockProductForStaff(tx, input.productId);
    if (!product) throw unknownProduct();
    if (product.status !== 'active') throw new AppError('conflict', 'This contract has already been cancelled.');
    const request = { type: input.type, reason: input.reason, endDate: input.endDate };
    const row = await recordCancellation(tx, product, {
      ...request,
      channel: input.channel,
      origin: requestOnly(staff.origin),
      receivedAt,
      effectiveDate: effectiveDateFor(product, request, today(receivedAt)),
    });
    await recordSecurityEvent(tx, {
      type: 'cancellation.recorded',
      userId: staff.userId,
      origin: staff.origin,
      details: {
        customerId: product.customerId,
        contractNumber: product.contractNumber,
        channel: input.channel,
        receivedAt: input.receivedAt,
        effectiveDate: row.effectiveDate,
      },
    });
    return { ...toCancellation(row), customerId: row.customerId, channel: row.channel };
  });
}
