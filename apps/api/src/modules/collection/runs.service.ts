import { createHash, randomBytes } from 'node:crypto';
import type { TDirectDebitRun } from '@portal/contracts';
import { sql } from 'drizzle-orm';
import type { ProviderIdentity } from '../../config';
import type { Database, DbOrTx } from '../../db/client';
import type { DirectDebitRow, InvoiceRow } from '../../db/schema/index';
import { AppError } from '../../lib/app-error';
import { today as todayOf } from '../../lib/calendar';
import { lockInvoiceForBackOffice } from '../invoices/invoices.repository';
import {
  fitAnnouncedDebit,
  mandateFor,
  nextPossibleCollectionDate,
  recordAnnouncement,
  withdrawDebit,
} from './announcement.service';
import { sendPreNotification, sendWithdrawalNotice } from './collection-emails';
import {
  findDebit,
  findRunByDate,
  findRunFile,
  insertRun,
  listRuns,
  lockDebitsDueBy,
  mandatesUsedBefore,
  updateDebit,
} from './debits.repository';
import { buildPain008, paymentInfoIdOf, type RunBlock } from './rules/pain008';
import { earliestCollectionDate, nextBusinessDay } from './rules/target2-calendar';
import { validateAgainst } from './xml-schemas';

export interface RunDeps {
  provider: ProviderIdentity;
  now?: () => Date;
}

/** Serialises runs across instances: two runs never take the same debit (the unique index would refuse anyway). */
const RUN_LOCK = 727_016;

const toRun = (row: {
  id: string;
  collectionDate: string;
  transactionCount: number;
  totalCents: number;
  messageId: string;
  createdAt: Date;
}): TDirectDebitRun => ({
  id: row.id,
  collectionDate: row.collectionDate,
  count: row.transactionCount,
  totalAmount: row.totalCents,
  messageId: row.messageId,
  createdAt: row.createdAt.toISOString(),
});

interface Due {
  debit: DirectDebitRow;
  invoice: InvoiceRow;
}

/**
 * What happens to an announced debit whose mandate is no longer the one to use (bank data changed,
 * mandate expired or suspended): it is withdrawn; under the customer's current mandate a new one is
 * announced for the next possible date after this run (a new pre-notification), else the customer
 * is asked to transfer.
 */
async function replaceStaleDebit(tx: DbOrTx, due: Due, runDate: string, today: string) {
  const use = await mandateFor(tx, due.debit.customerId);
  await withdrawDebit(tx, due.debit, 'mandate_changed');
  if (!use.usable) {
    await sendWithdrawalNotice(tx, due.invoice, 'mandate_invalid');
    return;
  }
  const after = await nextPossibleCollectionDate(tx, today);
  const collectionDate = after > runDate ? after : nextBusinessDay(runDate);
  const { mandate } = use;
  await recordAnnouncement(tx, { invoice: due.invoice, mandate, amountCents: due.debit.amountCents, collectionDate });
  await sendPreNotification(tx, due.invoice, {
    amountCents: due.debit.amountCents,
    collectionDate,
    mandateReference: mandate.reference,
    iban: mandate.iban,
    creditorId: mandate.creditorId,
  });
}

/** The debits this run takes: still open, still owed, under the mandate the customer has now. */
async function collectable(tx: DbOrTx, runDate: string, today: string): Promise<Due[]> {
  const taken: Due[] = [];
  for (const debit of await lockDebitsDueBy(tx, runDate)) {
    const invoice = await lockInvoiceForBackOffice(tx, debit.invoiceId);
    if (!invoice) continue;
    if ((await fitAnnouncedDebit(tx, invoice)) === 'withdrawn') continue;
    const use = await mandateFor(tx, debit.customerId);
    const current = use.usable ? use.mandate : null;
    if (!current || current.id !== debit.mandateId || current.iban !== debit.iban) {
      await replaceStaleDebit(tx, { debit, invoice }, runDate, today);
      continue;
    }
    // The amount may have shrunk (fitAnnouncedDebit); read it again.
    const fresh = await findDebit(tx, debit.id);
    if (fresh?.status === 'announced') taken.push({ debit: fresh, invoice });
  }
  return taken;
}

/** One block per requested collection date and sequence type, in date order. */
function blocksOf(taken: Due[], used: Set<string>, earliest: string) {
  const groups = new Map<string, { date: string; sequence: 'FRST' | 'RCUR'; items: Due[] }>();
  for (const due of taken) {
    const date = due.debit.collectionDate > earliest ? due.debit.collectionDate : earliest;
    const sequence = used.has(due.debit.mandateId) ? 'RCUR' : 'FRST';
    const key = `${date}/${sequence}`;
    const group = groups.get(key) ?? { date, sequence, items: [] };
    group.items.push(due);
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => a.date.localeCompare(b.date) || a.sequence.localeCompare(b.sequence));
}

/**
 * A collection run: every announced debit due up to `collectionDate` (default: the earliest
 * possible date) goes into one pain.008.001.02 file, validated against its schema and stored;
 * its invoices turn "submitted". One run per date (409); nothing due answers 422.
 */
export async function createRun(
  db: Database,
  deps: RunDeps,
  input: { collectionDate?: string | undefined; createdBy: string | null },
): Promise<TDirectDebitRun> {
  // Debits withdrawn or announced anew on the way stay so, also when the run itself is refused.
  const outcome = await db.transaction((tx) => createRunIn(tx, deps, input));
  if ('conflict' in outcome) {
    throw new AppError('conflict', `A run for ${outcome.runDate} exists already.`, { runId: outcome.conflict });
  }
  if ('empty' in outcome) {
    throw new AppError('unprocessable', `No announced direct debit is due by ${outcome.runDate}.`, {
      errors: [{ path: 'collectionDate', message: 'no direct debit due by this date' }],
      reason: 'nothing_due',
    });
  }
  return outcome.run;
}

type RunOutcome = { run: TDirectDebitRun } | { conflict: string; runDate: string } | { empty: true; runDate: string };

/** The run inside the caller's transaction (the demo seed makes its past run through this). */
export async function createRunIn(
  tx: DbOrTx,
  deps: RunDeps,
  input: { collectionDate?: string | undefined; createdBy: string | null; messageId?: string },
): Promise<RunOutcome> {
  const now = (deps.now ?? (() => new Date()))();
  const today = todayOf(now);
  const earliest = earliestCollectionDate(today);
  const runDate = input.collectionDate ?? earliest;
  if (runDate < earliest) {
    throw AppError.validation([
      { path: 'collectionDate', message: `a direct debit made today collects on ${earliest} at the earliest` },
    ]);
  }
  await tx.execute(sql`select pg_advisory_xact_lock(${RUN_LOCK})`);
  const existing = await findRunByDate(tx, runDate);
  if (existing) return { conflict: existing.id, runDate };
  const taken = await collectable(tx, runDate, today);
  if (taken.length === 0) return { empty: true, runDate };
  const used = await mandatesUsedBefore(tx, [...new Set(taken.map((due) => due.debit.mandateId))]);
  const messageId =
    input.messageId ?? `DD${runDate.replaceAll('-', '')}${randomBytes(3).toString('hex').toUpperCase()}`;
  const groups = blocksOf(taken, used, earliest);
  const blocks: RunBlock[] = groups.map((group, index) => ({
    suffix: `${group.sequence[0]}${index + 1}`,
    collectionDate: group.date,
    sequenceType: group.sequence,
    transactions: group.items.map(({ debit, invoice }) => ({
      endToEndId: debit.endToEndId,
      amountCents: debit.amountCents,
      mandateReference: debit.mandateReference,
      mandateSignedOn: debit.mandateSignedOn,
      debtorName: debit.accountHolder,
      debtorIban: debit.iban,
      debtorBic: debit.bic,
      debtorAddress: invoice.billingAddress,
      remittance: `${invoice.number} Kd-Nr. ${invoice.billingAddress.customerNumber}`,
    })),
  }));
  const { provider } = deps;
  const xml = buildPain008({
    messageId,
    createdAt: now,
    creditor: { name: provider.name, iban: provider.iban, bic: provider.bic, creditorId: provider.creditorId },
    blocks,
  });
  const check = await validateAgainst('pain.008.001.02', xml);
  if (!check.valid) throw new Error(`pain.008 of run ${messageId} is not valid: ${check.errors.join('; ')}`);
  const total = taken.reduce((sum, due) => sum + due.debit.amountCents, 0);
  const bytes = Buffer.from(xml, 'utf8');
  const run = await insertRun(tx, {
    collectionDate: runDate,
    messageId,
    transactionCount: taken.length,
    totalCents: total,
    xml: bytes,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    createdBy: input.createdBy,
  });
  for (const [index, group] of groups.entries()) {
    const block = blocks[index];
    if (!block) continue;
    for (const { debit } of group.items) {
      await updateDebit(tx, debit.id, {
        status: 'submitted',
        runId: run.id,
        sequenceType: group.sequence,
        requestedCollectionDate: group.date,
        paymentInfoId: paymentInfoIdOf(messageId, block.suffix),
        submittedAt: now,
      });
    }
  }
  return { run: toRun(run) };
}

export async function listDirectDebitRuns(db: Database): Promise<TDirectDebitRun[]> {
  return (await listRuns(db)).map(toRun);
}

export async function runFile(db: Database, runId: string) {
  const file = await findRunFile(db, runId);
  if (!file) throw AppError.notFound('direct-debit run');
  return { bytes: file.xml, etag: `"${file.sha256}"`, filename: `${file.messageId}.pain.008.xml` };
}

/** The daily job: a run for the earliest possible date, unless it exists or nothing is due. */
export async function runDailyCollection(db: Database, deps: RunDeps): Promise<TDirectDebitRun | null> {
  try {
    return await createRun(db, deps, { createdBy: null });
  } catch (error) {
    if (error instanceof AppError && (error.code === 'conflict' || error.code === 'unprocessable')) return null;
    throw error;
  }
}
