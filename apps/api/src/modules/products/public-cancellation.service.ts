import { randomInt } from 'node:crypto';
import type { TCancellationType, TPublicCancellationReceipt } from '@portal/contracts';
import type { Database } from '../../db/client';
import type { CustomerProductRow } from '../../db/schema/index';
import { today } from '../../lib/calendar';
import { decideEndDate, recordCancellation } from './cancellation.service';
import { sendPublicDeclarationReceipt } from './cancellation-emails';
import { earliestEndDate, firstTermEndOnOrAfter } from './contract-terms';
import { termsOf } from './products.service';
import { insertPublicCancellationRequest, lockContractForDeclaration } from './public-cancellations.repository';

export interface PublicDeclarationInput {
  type: TCancellationType;
  reason?: string | undefined;
  name: string;
  customerNumber?: string | undefined;
  email: string;
  contract: string;
  endDate?: string | undefined;
}

// No 0/O or 1/I: the reference is read out on the phone.
const REFERENCE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export function newReference(): string {
  let code = '';
  for (let i = 0; i < 10; i++) code += REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)];
  return `K-${code}`;
}

/** Finds a contract number such as "V-100001" anywhere in what the visitor typed. */
export function contractNumberIn(text: string): string | null {
  const match = /\bV\s*-?\s*(\d{6,})\b/i.exec(text);
  return match ? `V-${match[1]}` : null;
}

/**
 * A declaration on the form cannot be answered with "that date is not allowed" without telling
 * the visitor that the contract exists, so it takes effect at the first date the contract allows
 * from the one asked for.
 */
function publicEffectiveDate(product: CustomerProductRow, input: PublicDeclarationInput, receivedOn: string): string {
  const decision = decideEndDate(product, input, receivedOn);
  if (decision.ok) return decision.effectiveDate;
  if (input.type === 'extraordinary') return receivedOn;
  const terms = termsOf(product);
  const earliest = earliestEndDate(terms, receivedOn);
  const wanted = input.endDate && input.endDate > earliest ? input.endDate : earliest;
  return firstTermEndOnOrAfter(terms, wanted);
}

/**
 * §312k BGB: records the declaration as received, applies it to the contract when the data
 * identify one that is still running, and answers the same either way.
 */
export async function submitPublicCancellation(
  db: Database,
  input: PublicDeclarationInput,
  now = new Date(),
): Promise<TPublicCancellationReceipt> {
  const reference = newReference();
  const receivedOn = today(now);
  const customerNumber = input.customerNumber || null;
  await db.transaction(async (tx) => {
    const contractNumber = contractNumberIn(input.contract);
    const product = contractNumber
      ? await lockContractForDeclaration(tx, { contractNumber, customerNumber, email: input.email })
      : undefined;
    const cancellation =
      product?.status === 'active'
        ? await recordCancellation(tx, product, {
            type: input.type,
            reason: input.reason,
            endDate: input.endDate,
            channel: 'public_form',
            receivedAt: now,
            effectiveDate: publicEffectiveDate(product, input, receivedOn),
          })
        : undefined;
    await insertPublicCancellationRequest(tx, {
      reference,
      type: input.type,
      reason: input.reason || null,
      name: input.name,
      customerNumber,
      email: input.email,
      contract: input.contract,
      requestedEndDate: input.endDate ?? null,
      status: cancellation ? 'applied' : 'pending_review',
      customerId: cancellation ? cancellation.customerId : null,
      cancellationId: cancellation?.id ?? null,
      receivedAt: now,
    });
    await sendPublicDeclarationReceipt(tx, {
      reference,
      type: input.type,
      reason: input.reason || null,
      name: input.name,
      customerNumber,
      email: input.email,
      contract: input.contract,
      requestedEndDate: input.endDate ?? null,
      receivedAt: now,
    });
  });
  return { reference, receivedAt: now.toISOString() };
}
