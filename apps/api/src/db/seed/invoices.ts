import { eq, sql } from 'drizzle-orm';
import { loadConfig } from '../../config';
import { today } from '../../lib/calendar';
import { addDays } from '../../modules/invoices/invoice-format';
import { issueInvoiceIn } from '../../modules/invoices/invoice-issuing.service';
import type { DbOrTx } from '../client';
import { invoices, payments, type UserRow } from '../schema/index';
import type { SeededAccounts } from './accounts';
import type { SeedContext } from './index';

type Line = { description: string; quantity: number; unit: string; unitPrice: number; taxRate: number };
interface DemoInvoice {
  customer: UserRow;
  issueDate: string;
  period: { start: string; end: string };
  dueDate: string;
  lines: Line[];
  paid: boolean;
}

const monthly: Line[] = [
  {
    description: 'Colocation Rack 42 HE, Halle A, inkl. 2 × 16 A',
    quantity: 1,
    unit: 'Monat',
    unitPrice: 89_000,
    taxRate: 19,
  },
  { description: 'Cloud-Server CX-32 (8 vCPU, 32 GB RAM)', quantity: 2, unit: 'Monat', unitPrice: 6_490, taxRate: 19 },
  { description: 'Backup-Speicher', quantity: 2.5, unit: 'TB', unitPrice: 1_800, taxRate: 19 },
];

function monthStart(date: string, monthsBack: number): string {
  const [year, month] = date.split('-').map(Number);
  const value = new Date(Date.UTC(year ?? 2026, (month ?? 1) - 1 - monthsBack, 1));
  return value.toISOString().slice(0, 10);
}

function monthEnd(start: string): string {
  return addDays(monthStart(start, -1), -1);
}

/** Monthly invoices for the past year: the current one and a one-off open, last month's overdue. */
function demoInvoices({ demo, other }: SeededAccounts, day: string): DemoInvoice[] {
  const list: DemoInvoice[] = [];
  for (let back = 11; back >= 1; back--) {
    const start = monthStart(day, back);
    const issueDate = addDays(monthEnd(start), 1);
    // Last month's invoice is the overdue one; everything older was paid.
    const overdue = back === 1;
    list.push({
      customer: demo,
      issueDate: overdue ? addDays(day, -35) : issueDate,
      period: { start, end: monthEnd(start) },
      dueDate: overdue ? addDays(day, -21) : addDays(issueDate, 14),
      lines: monthly,
      paid: !overdue,
    });
  }
  list.push({
    customer: demo,
    issueDate: addDays(day, -5),
    period: { start: monthStart(day, 0), end: monthEnd(monthStart(day, 0)) },
    dueDate: addDays(day, 9),
    lines: monthly,
    paid: false,
  });
  list.push({
    customer: demo,
    issueDate: addDays(day, -2),
    period: { start: addDays(day, -4), end: addDays(day, -4) },
    dueDate: addDays(day, 12),
    lines: [
      {
        description: 'Remote Hands: Festplattentausch Server R12-07',
        quantity: 1.5,
        unit: 'Std.',
        unitPrice: 8_500,
        taxRate: 19,
      },
    ],
    paid: false,
  });
  for (const back of [3, 2, 1]) {
    const start = monthStart(day, back);
    const issueDate = addDays(monthEnd(start), 1);
    list.push({
      customer: other,
      issueDate,
      period: { start, end: monthEnd(start) },
      dueDate: addDays(issueDate, 14),
      lines: [
        {
          description: 'Cloud-Server CX-8 (2 vCPU, 8 GB RAM)',
          quantity: 1,
          unit: 'Monat',
          unitPrice: 1_990,
          taxRate: 19,
        },
      ],
      paid: back > 1,
    });
  }
  return list.sort((a, b) => a.issueDate.localeCompare(b.issueDate));
}

/** Issued through the same path as the back office's invoices: documents archived at issue. */
export async function seedInvoices(tx: DbOrTx, accounts: SeededAccounts, { renderer }: SeedContext) {
  const deps = { provider: loadConfig().provider, renderer };
  for (const entry of demoInvoices(accounts, today())) {
    const invoice = await issueInvoiceIn(tx, deps, {
      customerId: entry.customer.id,
      issueDate: entry.issueDate,
      dueDate: entry.dueDate,
      servicePeriod: entry.period,
      lines: entry.lines.map(({ taxRate, ...line }) => ({ ...line, vatRate: taxRate === 7 ? 'reduced' : 'standard' })),
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
