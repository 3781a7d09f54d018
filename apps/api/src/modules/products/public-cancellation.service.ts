import { randomInt } from 'node:crypto';
import type { TCancellationType, TLanguage, TPublicCancellationReceipt } from '@portal/contracts';
import type { Database } from '../../db/client';
import type { Counters } from '../../throttling/counters';
import { sendPublicDeclarationReceipt } from './cancellation-emails';
import { insertPublicCancellationRequest } from './public-cancellations.repository';

export interface PublicDeclarationInput {
  type: TCancellationType;
  reason?: string | undefined;
  name: string;
  customerNumber?: string | undefined;
  /** Trimmed and lower-cased by the contract (ZEmailInput). */
  email: string;
  contract: string;
  endDate?: string | undefined;
  /** The form's language; the receipt and a later rejection go out in it. */
  language: TLanguage;
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

const DAY_MS = 86_400_000;

/**
 * The form sends a receipt to whatever address is typed in, repeating what was typed: without a
 * cap it would mail anyone anything. Receipts stop for the day at these counts — per recipient,
 * and per client address (on top of the form's 10-minute throttle per client address).
 */
export const PUBLIC_RECEIPT_CAPS = { perRecipientPerDay: 3, perClientPerDay: 10 } as const;

/**
 * Notices to a customer's registered address about declarations naming them, per day. More in a
 * day are someone flooding the form; they still reach the customer's security log and the queue.
 */
export const OWNER_NOTICES_PER_DAY = 5;

/** Counts one receipt for the recipient and the client address; whether it may still be sent. */
export async function receiptAllowed(counters: Counters, recipient: string, client: string) {
  const [to, from] = await counters.add(
    [
      { key: `public-cancellation-receipts:to:${recipient.trim().toLowerCase()}`, amount: 1 },
      { key: `public-cancellation-receipts:client:${client}`, amount: 1 },
    ],
    DAY_MS,
  );
  return (
    (to?.current ?? 0) <= PUBLIC_RECEIPT_CAPS.perRecipientPerDay &&
    (from?.current ?? 0) <= PUBLIC_RECEIPT_CAPS.perClientPerDay
  );
}

/** Counts one notice to a customer; whether it may still be sent today. */
export async function ownerNoticeAllowed(counters: Counters, customerId: string) {
  const [state] = await counters.add([{ key: `public-cancellation-notices:${customerId}`, amount: 1 }], DAY_MS);
  return (state?.current ?? 0) <= OWNER_NOTICES_PER_DAY;
}

/**
 * §312k BGB: stores the declaration as received and sends the receipt (content and time of
 * receipt, Abs. 4) — and nothing else. Whether it names a contract is decided afterwards by the
 * matching job (public-cancellation-matching.ts), so the answer, its content and its timing are
 * the same whatever was typed: the form tells nobody whether a contract or address exists.
 */
export async function submitPublicCancellation(
  db: Database,
  counters: Counters,
  input: PublicDeclarationInput,
  client: string,
  now = new Date(),
): Promise<TPublicCancellationReceipt> {
  const reference = newReference();
  const customerNumber = input.customerNumber || null;
  const receiptSent = await receiptAllowed(counters, input.email, client);
  const declaration = {
    reference,
    type: input.type,
    reason: input.reason || null,
    name: input.name,
    customerNumber,
    email: input.email,
    contract: input.contract,
    requestedEndDate: input.endDate ?? null,
    receivedAt: now,
    language: input.language,
  };
  await db.transaction(async (tx) => {
    await insertPublicCancellationRequest(tx, { ...declaration, status: 'received', receiptSent });
    if (receiptSent) await sendPublicDeclarationReceipt(tx, declaration);
  });
  return { reference, receivedAt: now.toISOString() };
}
