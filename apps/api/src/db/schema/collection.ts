import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { CustomerId } from '../../modules/customers/customer-id';
import { bytea } from './columns';
import { customers } from './customers';
import { invoices } from './invoices';
import { payments } from './payments';
import { sepaMandates } from './sepa-mandates';

/**
 * Getting paid (modules/collection): SEPA direct debits announced, submitted in pain.008 runs and
 * settled from camt.053 statements; bank statement entries; dunning; the customer's account
 * (credits from overpayments, the bank's fee of a returned debit, the §288 Abs. 5 BGB flat fee).
 * `customer_id` columns reference the customer account (`customers`).
 */

/** announced → submitted (in a run) → collected (booked) → returned (R-transaction); or withdrawn before a run. */
export const directDebitStatus = pgEnum('direct_debit_status', [
  'announced',
  'submitted',
  'collected',
  'returned',
  'withdrawn',
]);
export const sepaSequenceType = pgEnum('sepa_sequence_type', ['FRST', 'RCUR']);

/** One pain.008 file: every debit due up to its collection date, each date and sequence its own block. */
export const directDebitRuns = pgTable(
  'direct_debit_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The latest collection date the run gathered; one run per date. */
    collectionDate: date('collection_date', { mode: 'string' }).notNull(),
    /** GrpHdr/MsgId, at most 35 characters of the SEPA set. */
    messageId: text('message_id').notNull(),
    transactionCount: integer('transaction_count').notNull(),
    totalCents: bigint('total_cents', { mode: 'number' }).notNull(),
    xml: bytea('xml').notNull(),
    sha256: text('sha256').notNull(),
    /** The staff member who asked for it, or null for the daily job. */
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('direct_debit_runs_collection_date_unique').on(table.collectionDate),
    uniqueIndex('direct_debit_runs_message_id_unique').on(table.messageId),
    check('direct_debit_runs_not_empty', sql`${table.transactionCount} > 0 and ${table.totalCents} > 0`),
  ],
);

/**
 * One direct debit of one invoice: announced (pre-notified) with the mandate's data as it was then,
 * submitted in a run, then collected or returned as the bank statement says. The customer's
 * payment row (`payments`, method `sepa_debit`) carries the money state the invoice shows.
 */
export const directDebits = pgTable(
  'direct_debits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    invoiceId: uuid('invoice_id')
      .notNull()
      .references(() => invoices.id, { onDelete: 'restrict' }),
    customerId: uuid('customer_id')
      .$type<CustomerId>()
      .notNull()
      .references(() => customers.id, { onDelete: 'restrict' }),
    paymentId: uuid('payment_id')
      .notNull()
      .references(() => payments.id, { onDelete: 'restrict' }),
    mandateId: uuid('mandate_id')
      .notNull()
      .references(() => sepaMandates.id, { onDelete: 'restrict' }),
    mandateReference: text('mandate_reference').notNull(),
    mandateSignedOn: date('mandate_signed_on', { mode: 'string' }).notNull(),
    accountHolder: text('account_holder').notNull(),
    iban: text('iban').notNull(),
    bic: text('bic'),
    amountCents: integer('amount_cents').notNull(),
    /** The date the customer was told (pre-notification). */
    collectionDate: date('collection_date', { mode: 'string' }).notNull(),
    status: directDebitStatus('status').notNull().default('announced'),
    runId: uuid('run_id').references(() => directDebitRuns.id, { onDelete: 'restrict' }),
    sequenceType: sepaSequenceType('sequence_type'),
    /** ReqdColltnDt in the file: the announced date, or the earliest possible one when that has passed. */
    requestedCollectionDate: date('requested_collection_date', { mode: 'string' }),
    paymentInfoId: text('payment_info_id'),
    /** EndToEndId, unique and at most 35 characters: how statements name the debit. */
    endToEndId: text('end_to_end_id').notNull(),
    announcedAt: timestamp('announced_at', { withTimezone: true }).notNull().defaultNow(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    /** Booking date of the collection, and of the return. */
    collectedOn: date('collected_on', { mode: 'string' }),
    returnedOn: date('returned_on', { mode: 'string' }),
    /** ISO 20022 return reason (AC04, AM04, MD01, MD06, MS02, …). */
    returnReason: text('return_reason'),
    returnFeeCents: integer('return_fee_cents'),
    /** Why an announced debit was not submitted (invoice cancelled, mandate changed, …). */
    withdrawnReason: text('withdrawn_reason'),
  },
  (table) => [
    // One invoice is never in two runs.
    uniqueIndex('direct_debits_one_run_per_invoice').on(table.invoiceId).where(sql`${table.runId} is not null`),
    // At most one debit of an invoice waits for collection at a time.
    uniqueIndex('direct_debits_one_pending_per_invoice')
      .on(table.invoiceId)
      .where(sql`${table.status} in ('announced', 'submitted')`),
    uniqueIndex('direct_debits_payment_unique').on(table.paymentId),
    uniqueIndex('direct_debits_end_to_end_unique').on(table.endToEndId),
    index('direct_debits_due_idx').on(table.status, table.collectionDate),
    index('direct_debits_customer_idx').on(table.customerId),
    index('direct_debits_mandate_idx').on(table.mandateId),
    check('direct_debits_amount_positive', sql`${table.amountCents} > 0`),
    check(
      'direct_debits_run_when_submitted',
      sql`(${table.runId} is not null) = (${table.status} in ('submitted', 'collected', 'returned'))`,
    ),
  ],
);

/** A mandate whose debits came back twice is not used again until the customer gives new bank data. */
export const mandateSuspensions = pgTable('mandate_suspensions', {
  mandateId: uuid('mandate_id')
    .primaryKey()
    .references(() => sepaMandates.id, { onDelete: 'restrict' }),
  customerId: uuid('customer_id')
    .$type<CustomerId>()
    .notNull()
    .references(() => customers.id, { onDelete: 'restrict' }),
  suspendedAt: timestamp('suspended_at', { withTimezone: true }).notNull().defaultNow(),
});

/** One uploaded camt.053 file, kept as received (an accounting record). */
export const bankStatementImports = pgTable('bank_statement_imports', {
  id: uuid('id').primaryKey().defaultRandom(),
  messageId: text('message_id').notNull(),
  statementId: text('statement_id').notNull(),
  iban: text('iban').notNull(),
  xml: bytea('xml').notNull(),
  sha256: text('sha256').notNull(),
  entries: integer('entries').notNull(),
  matched: integer('matched').notNull(),
  unmatched: integer('unmatched').notNull(),
  duplicates: integer('duplicates').notNull(),
  importedBy: uuid('imported_by'),
  importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
});

export const bankEntryStatus = pgEnum('bank_entry_status', ['matched', 'unmatched', 'assigned']);
export const bankEntryDirection = pgEnum('bank_entry_direction', ['credit', 'debit']);

/** One booked entry of a statement, once: the account servicer's reference is the key. */
export const bankStatementEntries = pgTable(
  'bank_statement_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    importId: uuid('import_id')
      .notNull()
      .references(() => bankStatementImports.id, { onDelete: 'restrict' }),
    /** AcctSvcrRef (or the statement id and entry reference when the bank sent none). */
    reference: text('reference').notNull(),
    bookingDate: date('booking_date', { mode: 'string' }).notNull(),
    valueDate: date('value_date', { mode: 'string' }),
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
    currency: text('currency').notNull(),
    direction: bankEntryDirection('direction').notNull(),
    reversal: text('reversal'),
    /** Domain/family/sub-family, e.g. `PMNT/RCDT/ESCT`. */
    transactionCode: text('transaction_code'),
    remittance: text('remittance'),
    endToEndId: text('end_to_end_id'),
    paymentInfoId: text('payment_info_id'),
    counterpartyName: text('counterparty_name'),
    counterpartyIban: text('counterparty_iban'),
    returnReason: text('return_reason'),
    chargesCents: integer('charges_cents'),
    status: bankEntryStatus('status').notNull(),
    /** Why it waits for staff: `no_invoice`, `currency`, `unknown_debit`, … */
    unmatchedReason: text('unmatched_reason'),
    customerId: uuid('customer_id')
      .$type<CustomerId>()
      .references(() => customers.id, { onDelete: 'restrict' }),
    assignedBy: uuid('assigned_by'),
    assignedAt: timestamp('assigned_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('bank_statement_entries_reference_unique').on(table.reference),
    index('bank_statement_entries_status_idx').on(table.status, table.bookingDate),
    index('bank_statement_entries_customer_idx').on(table.customerId),
    check('bank_statement_entries_amount_positive', sql`${table.amountCents} > 0`),
  ],
);

export const accountEntryKind = pgEnum('account_entry_kind', ['overpayment', 'return_fee', 'dunning_fee']);

/** The customer's account besides invoices: positive is in the customer's favour. */
export const customerAccountEntries = pgTable(
  'customer_account_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    customerId: uuid('customer_id')
      .$type<CustomerId>()
      .notNull()
      .references(() => customers.id, { onDelete: 'restrict' }),
    kind: accountEntryKind('kind').notNull(),
    amountCents: integer('amount_cents').notNull(),
    invoiceId: uuid('invoice_id').references(() => invoices.id, { onDelete: 'restrict' }),
    bankEntryId: uuid('bank_entry_id').references(() => bankStatementEntries.id, { onDelete: 'restrict' }),
    bookedOn: date('booked_on', { mode: 'string' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('customer_account_entries_customer_idx').on(table.customerId),
    check('customer_account_entries_not_zero', sql`${table.amountCents} <> 0`),
  ],
);

/** Reminders and Mahnungen sent, one per level and invoice. */
export const dunningNotices = pgTable(
  'dunning_notices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    invoiceId: uuid('invoice_id')
      .notNull()
      .references(() => invoices.id, { onDelete: 'restrict' }),
    customerId: uuid('customer_id')
      .$type<CustomerId>()
      .notNull()
      .references(() => customers.id, { onDelete: 'restrict' }),
    /** 1 payment reminder, 2 first Mahnung, 3 second Mahnung. */
    level: integer('level').notNull(),
    sentOn: date('sent_on', { mode: 'string' }).notNull(),
    feeCents: integer('fee_cents').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('dunning_notices_level_unique').on(table.invoiceId, table.level),
    index('dunning_notices_customer_idx').on(table.customerId),
    check('dunning_notices_level_range', sql`${table.level} between 1 and 9`),
  ],
);

/** Staff stopped dunning of an invoice (disputed, agreed instalments, …). */
export const dunningStops = pgTable('dunning_stops', {
  invoiceId: uuid('invoice_id')
    .primaryKey()
    .references(() => invoices.id, { onDelete: 'restrict' }),
  customerId: uuid('customer_id')
    .$type<CustomerId>()
    .notNull()
    .references(() => customers.id, { onDelete: 'restrict' }),
  reason: text('reason').notNull(),
  setBy: uuid('set_by'),
  setAt: timestamp('set_at', { withTimezone: true }).notNull().defaultNow(),
});

export type DirectDebitRow = typeof directDebits.$inferSelect;
export type DirectDebitRunRow = typeof directDebitRuns.$inferSelect;
export type BankStatementEntryRow = typeof bankStatementEntries.$inferSelect;
