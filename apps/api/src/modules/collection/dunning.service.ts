import type { Database } from '../../db/client';
import { AppError } from '../../lib/app-error';
import { today as todayOf } from '../../lib/calendar';
import { addDays } from '../invoices/invoice-format';
import { lockInvoiceForBackOffice } from '../invoices/invoices.repository';
import { openCentsOf } from './booking';
import { sendDunningNotice } from './collection-emails';
import { deleteStop, findDunningCandidates, insertNotice, upsertStop } from './dunning.repository';
import { BUSINESS_DEFAULT_FLAT_FEE_CENTS, type DunningStep, dueDunningStep } from './rules/dunning';
import { insertAccountEntry } from './statements.repository';

/** Days the customer gets after each notice (the "pay by" date in it). */
const PAY_WITHIN_DAYS = 10;
/** The second Mahnung carries the flat fee of §288 Abs. 5 BGB for business customers. */
const FLAT_FEE_LEVEL = 3;

/**
 * The daily dunning: for every open invoice past due, with no debit announced or submitted and no
 * dunning stop, the step due today is sent (e-mail, a line in the invoice's history). Idempotent:
 * a level is recorded once per invoice.
 */
export async function runDunning(db: Database, steps: readonly DunningStep[], now: Date): Promise<number> {
  const today = todayOf(now);
  let sent = 0;
  for (const candidate of await findDunningCandidates(db, today)) {
    const last =
      candidate.lastLevel && candidate.lastSentOn ? { level: candidate.lastLevel, sentOn: candidate.lastSentOn } : null;
    const step = dueDunningStep(steps, candidate.invoice, last, today);
    if (!step) continue;
    const done = await db.transaction(async (tx) => {
      const invoice = await lockInvoiceForBackOffice(tx, candidate.invoice.id);
      if (invoice?.state !== 'open') return false;
      const openCents = await openCentsOf(tx, invoice);
      if (openCents <= 0) return false;
      const feeCents =
        step.level === FLAT_FEE_LEVEL && candidate.customerType === 'business' ? BUSINESS_DEFAULT_FLAT_FEE_CENTS : 0;
      const inserted = await insertNotice(tx, {
        invoiceId: invoice.id,
        customerId: invoice.customerId,
        level: step.level,
        sentOn: today,
        feeCents,
      });
      if (!inserted) return false;
      if (feeCents > 0) {
        await insertAccountEntry(tx, {
          customerId: invoice.customerId,
          kind: 'dunning_fee',
          amountCents: -feeCents,
          invoiceId: invoice.id,
          bankEntryId: null,
          bookedOn: today,
        });
      }
      await sendDunningNotice(tx, invoice, {
        level: step.level,
        openCents,
        feeCents,
        payBy: addDays(today, PAY_WITHIN_DAYS),
      });
      return true;
    });
    if (done) sent++;
  }
  return sent;
}

/** Sets (or replaces) the stop; answers it with the customer whose invoice it is (for the audit log). */
export async function setDunningStop(db: Database, invoiceId: string, reason: string, staffId: string) {
  return db.transaction(async (tx) => {
    const invoice = await lockInvoiceForBackOffice(tx, invoiceId);
    if (!invoice) throw AppError.notFound('invoice');
    const stop = await upsertStop(tx, { invoiceId, customerId: invoice.customerId, reason, setBy: staffId });
    return {
      customerId: invoice.customerId,
      stop: { invoiceId, reason: stop.reason, setAt: stop.setAt.toISOString() },
    };
  });
}

/**
 * Lifting a stop that is not there is fine (idempotent); an unknown invoice is not. Answers the
 * customer whose invoice it is (for the audit log).
 */
export async function liftDunningStop(db: Database, invoiceId: string) {
  return db.transaction(async (tx) => {
    const invoice = await lockInvoiceForBackOffice(tx, invoiceId);
    if (!invoice) throw AppError.notFound('invoice');
    await deleteStop(tx, invoiceId);
    return { customerId: invoice.customerId };
  });
}
