import { z } from 'zod';
import { listOf, ZCents, ZCurrency, ZDate, ZIdParams, ZInstant, ZListQuery, ZUuid } from './common';
import { defineRoute } from './http';
import { staffProblems, ZProblem } from './problem';

/**
 * Getting paid (back office): SEPA direct-debit runs as pain.008 files, camt.053 bank statements
 * matched to invoices, entries nobody could match, and dunning stops.
 */

export const ZDirectDebitRun = z
  .object({
    id: ZUuid,
    /** The latest collection date the run gathered (one run per date). */
    collectionDate: ZDate,
    count: z.number().int().meta({ description: 'Direct debits in the file' }),
    totalAmount: ZCents,
    messageId: z.string().meta({ example: 'DD20261203A1B2C3' }),
    createdAt: ZInstant,
  })
  .meta({ id: 'DirectDebitRun' });
export type TDirectDebitRun = z.infer<typeof ZDirectDebitRun>;

export const ZCreateDirectDebitRunBody = z
  .object({
    /**
     * Gather every announced debit due up to this date. Default: the earliest possible collection
     * date (the next TARGET2 business day). Each debit is collected on its announced date, or on the
     * earliest possible date when that has passed.
     */
    collectionDate: ZDate.optional(),
  })
  .meta({ example: { collectionDate: '2026-12-04' } });

export const ZBankStatementResult = z
  .object({
    entries: z.number().int().meta({ description: 'Booked entries in the file' }),
    matched: z.number().int().meta({ description: 'Booked to invoices or direct debits now' }),
    unmatched: z.number().int().meta({ description: 'New entries waiting for staff' }),
    duplicates: z.number().int().meta({ description: 'Entries imported before (same account-servicer reference)' }),
  })
  .meta({ id: 'BankStatementResult', example: { entries: 3, matched: 2, unmatched: 1, duplicates: 0 } });

/** A camt.053.001.08 document as the bank delivered it. */
export const ZBankStatementBody = z.string().min(1).meta({ description: 'camt.053.001.08 XML' });

export const ZBankEntryStatus = z.enum(['matched', 'unmatched', 'assigned']);

export const ZBankStatementEntry = z
  .object({
    id: ZUuid,
    reference: z.string().meta({ description: "The bank's reference of the entry (AcctSvcrRef)" }),
    bookingDate: ZDate,
    valueDate: ZDate.nullable(),
    amount: ZCents,
    currency: z.string(),
    direction: z.enum(['credit', 'debit']),
    transactionCode: z.string().nullable().meta({ example: 'PMNT/RCDT/ESCT' }),
    remittance: z.string().nullable(),
    counterpartyName: z.string().nullable(),
    counterpartyIban: z.string().nullable(),
    status: ZBankEntryStatus,
    /** Why nobody could match it: `no_invoice`, `currency`, `unknown_debit`, `invoice_not_open`, `debit`. */
    unmatchedReason: z.string().nullable(),
  })
  .meta({ id: 'BankStatementEntry' });
export type TBankStatementEntry = z.infer<typeof ZBankStatementEntry>;

export const ZBankEntryQuery = z.object({
  status: ZBankEntryStatus.default('unmatched'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const ZAssignBankEntryBody = z.object({ invoiceId: ZUuid });

export const ZDunningStopBody = z.object({ reason: z.string().trim().min(1).max(500) });
export const ZDunningStop = z
  .object({ invoiceId: ZUuid, reason: z.string(), setAt: ZInstant })
  .meta({ id: 'DunningStop' });

/** Whether the dunning job works on an invoice (`active`) or staff stopped it (`stopped`). */
export const dunningStates = ['active', 'stopped'] as const;
export const ZDunningState = z.enum(dunningStates);
export type TDunningState = z.infer<typeof ZDunningState>;

export const ZDunningOverviewQuery = ZListQuery.extend({
  /** Invoice number (part of it), customer number (exact), name or company (part of it). */
  q: z.string().trim().max(100).optional(),
  status: ZDunningState.optional(),
  /** The level reached so far: 0 nothing sent yet, 1 payment reminder, 2 first Mahnung, 3 second Mahnung. */
  level: z.coerce.number().int().min(0).max(9).optional(),
});

/**
 * An overdue invoice as the dunning job sees it: open, past its due date, something still open
 * and no direct debit announced or submitted.
 */
export const ZDunningOverviewItem = z
  .object({
    customer: z.object({
      id: ZUuid,
      number: z.string(),
      name: z.string(),
      company: z.string().nullable(),
    }),
    invoice: z.object({
      id: ZUuid,
      number: z.string(),
      dueDate: ZDate,
      total: ZCents.meta({ description: 'Gross amount' }),
      openAmount: ZCents,
      currency: ZCurrency,
    }),
    daysOverdue: z.number().int().min(1),
    /** 0 while nothing was sent. */
    level: z.number().int().min(0),
    lastNoticeOn: ZDate.nullable(),
    /**
     * The notice the job sends next and the day it does (today when it is already due); null after
     * the last level and while dunning is stopped.
     */
    nextStep: z.object({ level: z.number().int().min(1), dueOn: ZDate }).nullable(),
    stop: z
      .object({
        reason: z.string(),
        setAt: ZInstant,
        /** The staff member who set it; null when the account is gone. */
        setBy: z.object({ id: ZUuid, name: z.string() }).nullable(),
      })
      .nullable(),
  })
  .meta({ id: 'DunningOverviewItem' });
export type TDunningOverviewItem = z.infer<typeof ZDunningOverviewItem>;

export const collectionAdminRoutes = {
  createRun: defineRoute({
    method: 'POST',
    operationId: 'createDirectDebitRun',
    path: '/admin/direct-debit-runs',
    summary: 'Gather the announced direct debits due up to a date into a pain.008.001.02 file',
    tags: ['admin'],
    access: 'staff',
    staffPermission: 'collections',
    body: ZCreateDirectDebitRunBody.nullish(),
    responses: { 201: ZDirectDebitRun, ...staffProblems, 409: ZProblem, 422: ZProblem },
  }),
  listRuns: defineRoute({
    method: 'GET',
    operationId: 'listDirectDebitRuns',
    path: '/admin/direct-debit-runs',
    summary: 'Direct-debit runs, newest collection date first',
    tags: ['admin'],
    access: 'staff',
    staffPermission: 'collections',
    responses: { 200: z.object({ items: z.array(ZDirectDebitRun) }), ...staffProblems },
  }),
  runFile: defineRoute({
    method: 'GET',
    operationId: 'downloadDirectDebitRunFile',
    path: '/admin/direct-debit-runs/:id/pain.008',
    summary: "The run's pain.008.001.02 file, for the bank",
    tags: ['admin'],
    access: 'staff',
    staffPermission: 'collections',
    params: ZIdParams,
    produces: 'application/xml',
    responses: { ...staffProblems, 404: ZProblem, 429: ZProblem },
  }),
  importStatement: defineRoute({
    method: 'POST',
    operationId: 'importBankStatement',
    path: '/admin/bank-statements',
    summary:
      'Import a camt.053.001.08 statement (content-type application/xml): credits pay invoices, collections settle, returns reopen',
    tags: ['admin'],
    access: 'staff',
    staffPermission: 'collections',
    consumes: ['application/xml', 'text/xml'],
    body: ZBankStatementBody,
    responses: { 200: ZBankStatementResult, ...staffProblems, 413: ZProblem, 415: ZProblem, 422: ZProblem },
  }),
  listEntries: defineRoute({
    method: 'GET',
    operationId: 'listBankStatementEntries',
    path: '/admin/bank-statement-entries',
    summary: 'Bank statement entries by status (default: unmatched, waiting for staff), newest first',
    tags: ['admin'],
    access: 'staff',
    staffPermission: 'collections',
    query: ZBankEntryQuery,
    responses: { 200: z.object({ items: z.array(ZBankStatementEntry) }), ...staffProblems },
  }),
  assignEntry: defineRoute({
    method: 'POST',
    operationId: 'assignBankStatementEntry',
    path: '/admin/bank-statement-entries/:id/assignment',
    summary: 'Book an unmatched credit to an invoice by hand (partial payments and overpayments as on import)',
    tags: ['admin'],
    access: 'staff',
    staffPermission: 'collections',
    params: ZIdParams,
    body: ZAssignBankEntryBody,
    responses: { 200: ZBankStatementEntry, ...staffProblems, 404: ZProblem, 409: ZProblem, 422: ZProblem },
  }),
  listDunning: defineRoute({
    method: 'GET',
    operationId: 'listDunning',
    path: '/admin/dunning',
    summary: 'Overdue invoices of every customer with their dunning level, next step and stop, oldest overdue first',
    tags: ['admin'],
    access: 'staff',
    staffPermission: 'collections',
    query: ZDunningOverviewQuery,
    responses: { 200: listOf(ZDunningOverviewItem), ...staffProblems },
  }),
  stopDunning: defineRoute({
    method: 'PUT',
    operationId: 'setDunningStop',
    path: '/admin/invoices/:id/dunning-stop',
    summary: 'Stop reminders and Mahnungen of an invoice until the stop is lifted',
    tags: ['admin'],
    access: 'staff',
    staffPermission: 'collections',
    params: ZIdParams,
    body: ZDunningStopBody,
    responses: { 200: ZDunningStop, ...staffProblems, 404: ZProblem },
  }),
  resumeDunning: defineRoute({
    method: 'DELETE',
    operationId: 'liftDunningStop',
    path: '/admin/invoices/:id/dunning-stop',
    summary: 'Lift the dunning stop of an invoice',
    tags: ['admin'],
    access: 'staff',
    staffPermission: 'collections',
    params: ZIdParams,
    responses: { 204: z.null(), ...staffProblems, 404: ZProblem },
  }),
} as const;
