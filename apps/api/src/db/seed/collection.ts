import { sql } from 'drizzle-orm';
import { loadConfig } from '../../config';
import { today } from '../../lib/calendar';
import { hashPassword } from '../../lib/password';
import { camt053 } from '../../modules/collection/camt053-writer';
import { DAILY_RUN_JOB } from '../../modules/collection/collection.jobs';
import { onOrAfterBusinessDay } from '../../modules/collection/rules/target2-calendar';
import { createRunIn } from '../../modules/collection/runs.service';
import { bookStatement, readOwnStatement } from '../../modules/collection/statements.service';
import { insertCustomerAccount } from '../../modules/customers/customers.repository';
import { addDays } from '../../modules/invoices/invoice-format';
import { issueInvoiceIn } from '../../modules/invoices/invoice-issuing.service';
import type { DbOrTx } from '../client';
import { scheduledJobs, sepaMandates } from '../schema/index';
import { DEMO_PASSWORD, type SeededAccounts } from './accounts';
import type { SeedContext } from './index';

export const DIRECT_DEBIT_DEMO_EMAIL = 'lastschrift@example.com';
/** The past run's message id: docs/examples/camt053-demo.xml settles its payment block. */
export const DEMO_RUN_MESSAGE_ID = 'DDDEMORUN01';
/** Each demo debit: one month of managed hosting, 100.00 net, 119.00 gross. */
const HOSTING = { description: 'Managed Webhosting Business (Monat)', quantity: 1, unit: 'Monat', unitPrice: 10_000 };

/**
 * A customer who pays by direct debit: an active mandate, two invoices submitted in a past run
 * (docs/examples/camt053-demo.xml settles them), one announced for collection today and one
 * next week; and a bank statement entry no invoice matched, waiting for staff.
 */
export async function seedCollection(tx: DbOrTx, _accounts: SeededAccounts, { renderer }: SeedContext) {
  const config = loadConfig();
  const day = today();
  const customer = await insertCustomerAccount(tx, {
    customerType: 'business',
    email: DIRECT_DEBIT_DEMO_EMAIL,
    passwordHash: await hashPassword(DEMO_PASSWORD),
    name: 'Hanna Lorenz',
    company: 'Lorenz Webdesign KG',
    street: 'Große Straße 3',
    postalCode: '24937',
    city: 'Flensburg',
    country: 'DE',
  });
  await tx.insert(sepaMandates).values({
    customerId: customer.id,
    reference: `K${customer.customerNumber}-${day.slice(0, 4)}-DEMO01`,
    accountHolder: 'Lorenz Webdesign KG',
    iban: 'DE75512108001245126199',
    bic: null,
    creditorId: config.provider.creditorId,
    signedAt: new Date(`${addDays(day, -90)}T10:00:00Z`),
  });
  const deps = { provider: config.provider, renderer, preNotificationDays: config.SEPA_PRE_NOTIFICATION_DAYS };
  const issue = (issueDate: string, dueDate: string, month: string) =>
    issueInvoiceIn(tx, deps, {
      customerId: customer.id,
      issueDate,
      dueDate,
      servicePeriod: { start: month, end: addDays(month, 29) },
      lines: [{ ...HOSTING, vatRate: 'standard' }],
    });
  // The past run: made 25 days ago for a collection date 16 days ago.
  const pastDue = onOrAfterBusinessDay(addDays(day, -16));
  await issue(addDays(day, -35), pastDue, addDays(day, -60));
  await issue(addDays(day, -35), pastDue, addDays(day, -60));
  const past = await createRunIn(
    tx,
    { provider: config.provider, now: () => new Date(`${addDays(day, -25)}T06:00:00Z`) },
    { collectionDate: pastDue, createdBy: null, messageId: DEMO_RUN_MESSAGE_ID },
  );
  if (!('run' in past)) throw new Error('the demo run took no debits');
  await issue(addDays(day, -14), day, addDays(day, -30));
  await issue(addDays(day, -7), addDays(day, 7), day);
  const statement = camt053({
    iban: config.provider.iban,
    messageId: 'DEMO-CAMT-SEED',
    statementId: 'DEMO-SEED-1',
    entries: [
      {
        reference: 'DEMO-UNMATCHED-1',
        direction: 'CRDT',
        amountCents: 4_760,
        bookingDate: addDays(day, -3),
        transactions: [
          {
            remittance: 'Zahlung Kundennr. unbekannt',
            counterpartyName: 'Jens Ohlsen',
            counterpartyIban: 'DE89370400440532013000',
          },
        ],
      },
    ],
  });
  await bookStatement(tx, await readOwnStatement({ providerIban: config.provider.iban }, statement), statement, null);
  // Today's run counts as made before these announcements: the demo shows "announced for today"
  // until tomorrow's run takes it.
  await tx
    .insert(scheduledJobs)
    .values({ name: DAILY_RUN_JOB, lastStartedAt: sql`now()`, lastFinishedAt: sql`now()` })
    .onConflictDoNothing();
}
