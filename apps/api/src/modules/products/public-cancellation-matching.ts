import type { Database, DbOrTx } from '../../db/client';
import type { PublicCancellationRequestRow } from '../../db/schema/index';
import { today } from '../../lib/calendar';
import type { Counters } from '../../throttling/counters';
import { recordSecurityEvent } from '../security-log/security-log';
import { effectiveDateFor, recordCancellation } from './cancellation.service';
import { sendDeclarationNotice } from './cancellation-emails';
import { contractNumberIn, ownerNoticeAllowed } from './public-cancellation.service';
import {
  claimReceivedDeclaration,
  findCustomerByNumber,
  lockNamedContract,
  updateDeclaration,
} from './public-cancellations.repository';

export const MATCHING_JOB = 'products.match-public-cancellations';

const sameAddress = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * The identity rule (docs/decisions/0009): a declaration cancels a contract by itself only when it
 * is ordinary, names a running contract, comes from the address registered for that contract's
 * customer, and any customer number given is that customer's. Everything else waits for staff.
 * Every customer the declaration names hears of it at the registered address.
 */
async function matchDeclaration(tx: DbOrTx, counters: Counters, declaration: PublicCancellationRequestRow) {
  const contractNumber = contractNumberIn(declaration.contract);
  const named = contractNumber ? await lockNamedContract(tx, contractNumber) : undefined;
  const byNumber = declaration.customerNumber ? await findCustomerByNumber(tx, declaration.customerNumber) : undefined;
  const owner = named?.owner;
  const fromHolder =
    named !== undefined &&
    owner !== undefined &&
    sameAddress(owner.email, declaration.email) &&
    (declaration.customerNumber === null || byNumber?.id === owner.id);
  const applies = fromHolder && declaration.type === 'ordinary' && named.product.status === 'active';

  const request = {
    type: declaration.type,
    reason: declaration.reason ?? undefined,
    endDate: declaration.requestedEndDate ?? undefined,
  };
  const cancellation =
    applies && named
      ? await recordCancellation(tx, named.product, {
          ...request,
          channel: 'public_form',
          origin: null,
          receivedAt: declaration.receivedAt,
          effectiveDate: effectiveDateFor(named.product, request, today(declaration.receivedAt)),
        })
      : undefined;
  const status = cancellation ? 'applied' : 'pending_review';
  await updateDeclaration(tx, declaration.id, {
    status,
    customerId: owner?.id ?? byNumber?.id ?? null,
    productId: named?.product.id ?? null,
    cancellationId: cancellation?.id ?? null,
  });

  const customers = [owner, byNumber].filter(
    (customer, index, all): customer is NonNullable<typeof customer> =>
      customer !== undefined && all.findIndex((other) => other?.id === customer.id) === index,
  );
  for (const customer of customers) {
    const contract = named && customer.id === owner?.id ? named.product : undefined;
    // The holder's log: that a declaration arrived through the form — not the sender's IP or browser.
    await recordSecurityEvent(tx, {
      type: 'cancellation.declaration_received',
      userId: customer.id,
      origin: null,
      details: {
        channel: 'public_form',
        reference: declaration.reference,
        contractNumber: contract?.contractNumber,
        outcome: status,
      },
    });
    // An applied one was confirmed with its end date by recordCancellation already.
    if (cancellation && contract) continue;
    if (!(await ownerNoticeAllowed(counters, customer.id))) continue;
    await sendDeclarationNotice(tx, {
      to: customer.email,
      customerId: customer.id,
      customerName: customer.name,
      reference: declaration.reference,
      type: declaration.type,
      receivedAt: declaration.receivedAt,
      contract: contract ? { number: contract.contractNumber, productName: contract.name } : undefined,
      customerNumber: customer.customerNumber,
    });
  }
}

/**
 * Matches the declarations the form has stored since the last run, each in its own transaction.
 * One that fails is left `received` for the next run and does not hold up the others; the run
 * then fails, so the scheduler records the error.
 */
export async function matchReceivedDeclarations(db: Database, counters: Counters, limit = 200) {
  const failed: string[] = [];
  const errors: unknown[] = [];
  let matched = 0;
  while (matched + failed.length < limit) {
    let claimed: string | undefined;
    try {
      const found = await db.transaction(async (tx) => {
        const declaration = await claimReceivedDeclaration(tx, failed);
        if (!declaration) return false;
        claimed = declaration.id;
        await matchDeclaration(tx, counters, declaration);
        return true;
      });
      if (!found) break;
      matched++;
    } catch (error) {
      if (claimed === undefined) throw error;
      failed.push(claimed);
      errors.push(error);
    }
  }
  if (errors.length > 0) throw new AggregateError(errors, `${errors.length} declaration(s) could not be matched`);
  return matched;
}
