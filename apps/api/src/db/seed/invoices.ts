import { asc, eq, sql } from 'drizzle-orm';
import { loadConfig } from '../../config';
import { today } from '../../lib/calendar';
import type { CustomerAccount } from '../../modules/customers/customers.repository';
import { addDays } from '../../modules/invoices/invoice-format';
import { issueInvoiceIn } from '../../modules/invoices/invoice-issuing.service';
import { formatGermanDate } from '../../modules/products/document-templates';
import type { DbOrTx } from '../client';
import { customerProducts, invoices, payments, productCancellations } from '../schema/index';
import type { SeededAccounts } from './accounts';
import type { SeedContext } from './index';

type Line = { description: string; quantity: number; unit: string; unitPrice: number };
type Period = { start: string; end: string };

interface DemoInvoice {
  customer: CustomerAccount;
  issueDate: string;
  period: Period;
  dueDate: string;
  lines: Line[];
  paid: boolean;
}

/** A booked contract as the invoices bill it: its product, price, interval and end, if cancelled. */
interface Contract {
  name: string;
  contractNumber: string;
  startDate: string;
  priceCents: number;
  billingInterval: 'monthly' | 'quarterly' | 'yearly';
  endDate: string | null;
}

function monthStart(date: string, monthsBack: number): string {
  const [year, month] = date.split('-').map(Number);
  const value = new Date(Date.UTC(year ?? 2026, (month ?? 1) - 1 - monthsBack, 1));
  return value.toISOString().slice(0, 10);
}

function monthEnd(start: string): string {
  return addDays(monthStart(start, -1), -1);
}

const monthsBetween = (from: string, to: string) => {
  const [fromYear = 0, fromMonth = 0] = from.split('-').map(Number);
  const [toYear = 0, toMonth = 0] = to.split('-').map(Number);
  return (toYear - fromYear) * 12 + (toMonth - fromMonth);
};

/** How each interval is billed: every month, every third or every twelfth month from the start. */
const intervals = {
  monthly: { months: 1, unit: 'Monat' },
  quarterly: { months: 3, unit: 'Quartal' },
  yearly: { months: 12, unit: 'Jahr' },
} as const;

/**
 * The lines of one month's invoice, made from the contracts: every contract running in the month
 * is billed in advance for its interval at its price, named by product and contract number, so
 * the invoices reconcile with the products page. Longer intervals say the period they cover.
 */
export function contractLines(contracts: readonly Contract[], month: Period): Line[] {
  return contracts.flatMap((contract) => {
    if (contract.startDate > month.end || (contract.endDate !== null && contract.endDate < month.start)) return [];
    const interval = intervals[contract.billingInterval];
    if (monthsBetween(contract.startDate, month.start) % interval.months !== 0) return [];
    const name = `${contract.name} – Vertrag ${contract.contractNumber}`;
    const covered = { start: month.start, end: monthEnd(monthStart(month.start, -(interval.months - 1))) };
    const description =
      interval.months === 1
        ? name
        : `${name}, Leistungszeitraum ${formatGermanDate(covered.start)} – ${formatGermanDate(covered.end)}`;
    return [{ description, quantity: 1, unit: interval.unit, unitPrice: contract.priceCents }];
  });
}

async function contractsOf(tx: DbOrTx, customer: CustomerAccount): Promise<Contract[]> {
  return tx
    .select({
      name: customerProducts.name,
      contractNumber: customerProducts.contractNumber,
      startDate: customerProducts.startDate,
      priceCents: customerProducts.priceCents,
      billingInterval: customerProducts.billingInterval,
      endDate: productCancellations.effectiveDate,
    })
    .from(customerProducts)
    .leftJoin(productCancellations, eq(productCancellations.productId, customerProducts.id))
    .where(eq(customerProducts.customerId, customer.id))
    .orderBy(asc(customerProducts.contractNumber));
}

/** One invoice per month for `months` months up to the current one; the newest `open` stay unpaid. */
function monthlyInvoices(
  customer: CustomerAccount,
  contracts: readonly Contract[],
  day: string,
  { months, open, overdueLast }: { months: number; open: number; overdueLast: boolean },
): DemoInvoice[] {
  const list: DemoInvoice[] = [];
  for (let back = months - 1; back >= 0; back--) {
    const start = monthStart(day, back);
    const period = { start, end: monthEnd(start) };
    const lines = contractLines(contracts, period);
    if (lines.length === 0) continue;
    // Billed in advance on the first of the month; this month's came a few days ago, and last
    // month's (issued late) is the overdue one.
    const overdue = overdueLast && back === 1;
    const issueDate = back === 0 ? addDays(day, -5) : overdue ? addDays(day, -35) : start;
    list.push({
      customer,
      issueDate,
      period,
      dueDate: overdue ? addDays(day, -21) : addDays(issueDate, 14),
      lines,
      paid: back >= open,
    });
  }
  return list;
}

async function demoInvoices(tx: DbOrTx, { demo, other, consumer }: SeededAccounts, day: string) {
  const list = [
    ...monthlyInvoices(demo, await contractsOf(tx, demo), day, { months: 12, open: 2, overdueLast: true }),
    ...monthlyInvoices(other, await contractsOf(tx, other), day, { months: 3, open: 1, overdueLast: false }),
    ...monthlyInvoices(consumer, await contractsOf(tx, consumer), day, { months: 3, open: 1, overdueLast: false }),
  ];
  // A one-off service besides the contracts, on a single day.
  list.push({
    customer: demo,
    issueDate: addDays(day, -2),
    period: { start: addDays(day, -4), end: addDays(day, -4) },
    dueDate: addDays(day, 12),
    lines: [
      { description: 'Remote Hands: Festplattentausch Server R12-07', quantity: 1.5, unit: 'Std.', unitPrice: 8_500 },
    ],
    paid: false,
  });
  return list.sort((a, b) => a.issueDate.localeCompare(b.issueDate));
}

/** Issued through the same path as the back office's invoices: documents archived at issue. */
export async function seedInvoices(tx: DbOrTx, accounts: SeededAccounts, { renderer }: SeedContext) {
  const deps = { provider: loadConfig().provider, renderer };
  for (const entry of await demoInvoices(tx, accounts, today())) {
    const invoice = await issueInvoiceIn(tx, deps, {
      customerId: entry.customer.id,
      issueDate: entry.issueDate,
      dueDate: entry.dueDate,
      servicePeriod: entry.period,
      lines: entry.lines.map((line) => ({ ...line, vatRate: 'standard' })),
    });
    if (!entry.paid) continue;
    const settledAt = new Date(`${addDays(entry.dueDate, -3)}T10:00:00Z`);
    await tx.insert(payments).values({
      invoiceId: invoice.id,
      customerId: entry.customer.id,
      method: 'bank_transfer',
      status: 'succeeded',
      amountCents: invoice.grossCents,
      providerReference: invoice.number,
      settledAt,
    });
    await tx
      .update(invoices)
      .set({ state: 'paid', paidAt: sql`${settledAt.toISOString()}::timestamptz` })
      .where(eq(invoices.id, invoice.id));
  }
}
