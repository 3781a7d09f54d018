import { createHash } from 'node:crypto';
import type { TBankStatementEntry } from '@portal/contracts';
import { sql } from 'drizzle-orm';
import type { Database, DbOrTx } from '../../db/client';
import type { BankStatementEntryRow, DirectDebitRow } from '../../db/schema/index';
import { AppError } from '../../lib/app-error';
import type { CustomerId } from '../customers/customer-id';
import { lockInvoiceForBackOffice } from '../invoices/invoices.repository';
import { applyReturn, type Booking, bookReceipt, settleCollected } from './booking';
import { lockDebitsByEndToEnd, lockInvoicesByNumber, lockSubmittedDebitsOfBlock } from './debits.repository';
import { type CamtEntry, CamtError, type CamtStatement, parseCamt053 } from './rules/camt053';
import { invoiceNumbersIn } from './rules/remittance';
import {
  insertEntryOnce,
  insertImport,
  listEntries,
  lockEntry,
  type NewBankEntry,
  updateEntry,
  updateImportCounts,
} from './statements.repository';
import { namespaceOf, validateAgainst } from './xml-schemas';

/** One import at a time across instances: entries of two uploads of one file never interleave. */
const IMPORT_LOCK = 727_017;

type Outcome = { status: 'matched'; customerId: CustomerId | null } | { status: 'unmatched'; reason: string };

function refuse(reason: string, detail: string, messages: string[] = []): never {
  throw new AppError('unprocessable', detail, {
    reason,
    errors: [{ path: 'body', message: detail }, ...messages.slice(0, 10).map((message) => ({ path: 'body', message }))],
  });
}

/** The file must be a camt.053.001.08 statement that passes its schema; anything else says why. */
async function readStatement(xml: string): Promise<CamtStatement> {
  if (/<!DOCTYPE/i.test(xml)) refuse('malformed', 'The file declares a DTD; bank statements have none.');
  const check = await validateAgainst('camt.053.001.08', xml);
  if (!check.valid) {
    if (check.errors.some((message) => /parser error/i.test(message)) || !/<([\w.-]+:)?Document\b/.test(xml)) {
      refuse('malformed', 'The file is not well-formed XML.', check.errors);
    }
    const namespace = /<(?:[\w.-]+:)?Document\b[^>]*\bxmlns(?::[\w.-]+)?="([^"]*)"/.exec(xml)?.[1];
    if (namespace !== namespaceOf('camt.053.001.08')) {
      refuse('not_camt053', `The file is not a camt.053.001.08 statement (namespace ${namespace ?? 'none'}).`);
    }
    refuse('schema_invalid', 'The statement does not conform to camt.053.001.08.', check.errors);
  }
  try {
    return parseCamt053(xml);
  } catch (error) {
    if (error instanceof CamtError) refuse('schema_invalid', error.message);
    throw error;
  }
}

const normaliseIban = (iban: string | null) => (iban ?? '').replace(/\s+/g, '').toUpperCase();

function entryValues(importId: string, entry: CamtEntry): NewBankEntry {
  const first = entry.transactions[0];
  return {
    importId,
    reference: entry.reference,
    bookingDate: entry.bookingDate,
    valueDate: entry.valueDate,
    amountCents: entry.amountCents,
    currency: entry.currency,
    direction: entry.direction,
    reversal: entry.reversal ? 'true' : null,
    transactionCode: entry.transactionCode,
    remittance: [entry.transactions.map((tx) => tx.remittance).join(' '), entry.additionalInfo ?? '']
      .join(' ')
      .trim()
      .slice(0, 1000),
    endToEndId: entry.transactions.length === 1 ? (first?.endToEndId ?? null) : null,
    paymentInfoId: entry.batchPaymentInfoId ?? first?.paymentInfoId ?? null,
    counterpartyName: entry.transactions.length === 1 ? (first?.counterpartyName ?? null) : null,
    counterpartyIban: entry.transactions.length === 1 ? (first?.counterpartyIban ?? null) : null,
    returnReason: first?.returnReason ?? null,
    chargesCents: entry.chargesCents,
    status: 'unmatched',
  };
}

/** Collections of our runs: by each transaction's end-to-end id, or the whole payment block. */
async function matchCollection(tx: DbOrTx, entry: CamtEntry, booking: Booking): Promise<Outcome | null> {
  const ids = entry.transactions.map((item) => item.endToEndId).filter((id): id is string => Boolean(id));
  let debits: DirectDebitRow[] = [];
  if (ids.length > 0 && ids.length === entry.transactions.length) {
    debits = await lockDebitsByEndToEnd(tx, ids);
    if (debits.length === 0) return null;
    if (debits.length !== ids.length) return { status: 'unmatched', reason: 'unknown_debit' };
  } else if (entry.batchPaymentInfoId) {
    debits = await lockSubmittedDebitsOfBlock(tx, entry.batchPaymentInfoId);
    if (debits.length === 0) return null;
  } else {
    return null;
  }
  if (debits.some((debit) => debit.status !== 'submitted')) return { status: 'unmatched', reason: 'already_settled' };
  const total = debits.reduce((sum, debit) => sum + debit.amountCents, 0);
  if (total !== entry.amountCents) return { status: 'unmatched', reason: 'amount_mismatch' };
  for (const debit of debits) await settleCollected(tx, debit, booking);
  const customers = new Set(debits.map((debit) => debit.customerId));
  return { status: 'matched', customerId: customers.size === 1 ? (debits[0]?.customerId ?? null) : null };
}

/** R-transactions: each returned transaction names our end-to-end id; the fee is what the bank charged. */
async function matchReturn(tx: DbOrTx, entry: CamtEntry, booking: Booking): Promise<Outcome> {
  const ids = entry.transactions.map((item) => item.endToEndId).filter((id): id is string => Boolean(id));
  if (ids.length === 0 || ids.length !== entry.transactions.length) return { status: 'unmatched', reason: 'debit' };
  const debits = await lockDebitsByEndToEnd(tx, ids);
  if (debits.length !== ids.length) return { status: 'unmatched', reason: 'unknown_debit' };
  if (debits.some((debit) => debit.status !== 'submitted' && debit.status !== 'collected')) {
    return { status: 'unmatched', reason: 'already_settled' };
  }
  const returned = debits.reduce((sum, debit) => sum + debit.amountCents, 0);
  if (entry.amountCents < returned) return { status: 'unmatched', reason: 'amount_mismatch' };
  const single = entry.transactions.length === 1;
  for (const debit of debits) {
    const item = entry.transactions.find((candidate) => candidate.endToEndId === debit.endToEndId);
    // The fee: charges named per transaction, else on the entry, else what the bank took beyond the debit.
    const feeCents = item?.chargesCents ?? (single ? (entry.chargesCents ?? entry.amountCents - returned) : 0) ?? 0;
    await applyReturn(tx, debit, booking, { reason: item?.returnReason ?? null, feeCents: Math.max(0, feeCents) });
  }
  return { status: 'matched', customerId: debits[0]?.customerId ?? null };
}

/** Incoming transfers: invoice numbers in the remittance information, one customer's. */
async function matchTransfer(tx: DbOrTx, remittance: string, amount: number, booking: Booking): Promise<Outcome> {
  const numbers = invoiceNumbersIn(remittance);
  if (numbers.length === 0) return { status: 'unmatched', reason: 'no_invoice' };
  const found = await lockInvoicesByNumber(tx, numbers);
  if (found.length === 0) return { status: 'unmatched', reason: 'no_invoice' };
  const customerId = found[0]?.customerId;
  if (!customerId || found.some((invoice) => invoice.customerId !== customerId))
    return { status: 'unmatched', reason: 'ambiguous' };
  const ordered = numbers.flatMap((number) => found.filter((invoice) => invoice.number === number));
  await bookReceipt(tx, customerId, ordered, amount, booking);
  return { status: 'matched', customerId };
}

async function processEntry(tx: DbOrTx, entry: CamtEntry, row: BankStatementEntryRow): Promise<Outcome> {
  if (entry.currency !== 'EUR') return { status: 'unmatched', reason: 'currency' };
  const booking: Booking = { bookingDate: entry.bookingDate, reference: entry.reference, bankEntryId: row.id };
  if (entry.direction === 'debit') return matchReturn(tx, entry, booking);
  if (entry.reversal) return { status: 'unmatched', reason: 'reversal' };
  const collection = await matchCollection(tx, entry, booking);
  if (collection) return collection;
  return matchTransfer(tx, row.remittance ?? '', entry.amountCents, booking);
}

/**
 * Imports a camt.053.001.08 statement of the provider's account: validated first (a foreign or
 * malformed file books nothing), then every booked entry once (by the bank's reference; a second
 * import of the same statement books nothing again), all in one transaction.
 */
export async function importStatement(
  db: Database,
  deps: { providerIban: string },
  xml: string,
  importedBy: string | null,
): Promise<{ entries: number; matched: number; unmatched: number; duplicates: number }> {
  const statement = await readOwnStatement(deps, xml);
  return db.transaction((tx) => bookStatement(tx, statement, xml, importedBy));
}

/** The statement, if it is a valid camt.053.001.08 of the provider's account in EUR; else 422 with the reason. */
export async function readOwnStatement(deps: { providerIban: string }, xml: string): Promise<CamtStatement> {
  const statement = await readStatement(xml);
  if (normaliseIban(statement.iban) !== normaliseIban(deps.providerIban)) {
    refuse(
      'foreign_account',
      `The statement is of account ${statement.iban ?? 'unknown'}, not of the provider's account.`,
    );
  }
  if (statement.currency && statement.currency !== 'EUR') {
    refuse('foreign_account', `The statement's account is kept in ${statement.currency}, not EUR.`);
  }
  return statement;
}

/** Books a validated statement inside the caller's transaction (the demo seed imports through this too). */
export async function bookStatement(tx: DbOrTx, statement: CamtStatement, xml: string, importedBy: string | null) {
  const bytes = Buffer.from(xml, 'utf8');
  await tx.execute(sql`select pg_advisory_xact_lock(${IMPORT_LOCK})`);
  const counts = { entries: statement.entries.length, matched: 0, unmatched: 0, duplicates: 0 };
  const record = await insertImport(tx, {
    messageId: statement.messageId,
    statementId: statement.statementId,
    iban: normaliseIban(statement.iban),
    xml: bytes,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    entries: counts.entries,
    matched: 0,
    unmatched: 0,
    duplicates: 0,
    importedBy,
  });
  for (const entry of statement.entries) {
    const row = await insertEntryOnce(tx, entryValues(record.id, entry));
    if (!row) {
      counts.duplicates++;
      continue;
    }
    const outcome = await processEntry(tx, entry, row);
    if (outcome.status === 'matched') {
      counts.matched++;
      await updateEntry(tx, row.id, { status: 'matched', customerId: outcome.customerId });
    } else {
      counts.unmatched++;
      await updateEntry(tx, row.id, { unmatchedReason: outcome.reason });
    }
  }
  await updateImportCounts(tx, record.id, counts);
  return counts;
}

export function toBankEntry(row: BankStatementEntryRow): TBankStatementEntry {
  return {
    id: row.id,
    reference: row.reference,
    bookingDate: row.bookingDate,
    valueDate: row.valueDate,
    amount: row.amountCents,
    currency: row.currency,
    direction: row.direction,
    transactionCode: row.transactionCode,
    remittance: row.remittance,
    counterpartyName: row.counterpartyName,
    counterpartyIban: row.counterpartyIban,
    status: row.status,
    unmatchedReason: row.unmatchedReason,
  };
}

export async function listBankEntries(
  db: Database,
  query: { status: 'matched' | 'unmatched' | 'assigned'; limit: number },
) {
  return (await listEntries(db, query.status, query.limit)).map(toBankEntry);
}

/** Staff book an unmatched credit to an invoice by hand, with the rules of the import. */
export async function assignEntry(db: Database, entryId: string, invoiceId: string, staffId: string) {
  return db.transaction(async (tx) => {
    const entry = await lockEntry(tx, entryId);
    if (!entry) throw AppError.notFound('bank statement entry');
    if (entry.status !== 'unmatched') throw new AppError('conflict', 'The entry is booked already.');
    if (entry.direction !== 'credit' || entry.currency !== 'EUR') {
      throw new AppError('unprocessable', 'Only incoming payments in EUR can be booked to an invoice.', {
        errors: [{ path: 'id', message: entry.direction !== 'credit' ? 'not a credit' : `currency ${entry.currency}` }],
      });
    }
    const invoice = await lockInvoiceForBackOffice(tx, invoiceId);
    if (invoice?.kind !== 'invoice') throw AppError.validation([{ path: 'invoiceId', message: 'no such invoice' }]);
    const booking: Booking = { bookingDate: entry.bookingDate, reference: entry.reference, bankEntryId: entry.id };
    await bookReceipt(tx, invoice.customerId, [invoice], entry.amountCents, booking);
    await updateEntry(tx, entry.id, {
      status: 'assigned',
      customerId: invoice.customerId,
      unmatchedReason: null,
      assignedBy: staffId,
      assignedAt: new Date(),
    });
    return toBankEntry({ ...entry, status: 'assigned', customerId: invoice.customerId, unmatchedReason: null });
  });
}
