import type {
  TInvoice,
  TInvoiceFormat,
  TInvoiceStatus,
  TInvoiceSummary,
  TPayment,
  TTransferInstructions,
} from '@portal/contracts';
import { ZNextAction } from '@portal/contracts';
import type { InvoiceLineRow, InvoiceRow, PaymentRow } from '../../db/schema/index';

/** What the customer sees: an open invoice past its due date is `overdue`. */
export function invoiceStatusOf(invoice: Pick<InvoiceRow, 'state' | 'dueDate'>, today: string): TInvoiceStatus {
  if (invoice.state === 'open' && invoice.dueDate < today) return 'overdue';
  return invoice.state;
}

/** The columns a list item needs; lists skip the address and provider snapshots. */
export type InvoiceSummaryRow = Pick<
  InvoiceRow,
  'id' | 'number' | 'kind' | 'issueDate' | 'dueDate' | 'state' | 'netCents' | 'taxCents' | 'grossCents'
>;

export function toInvoiceSummary(row: InvoiceSummaryRow, today: string): TInvoiceSummary {
  return {
    id: row.id,
    number: row.number,
    kind: row.kind,
    issueDate: row.issueDate,
    dueDate: row.dueDate,
    status: invoiceStatusOf(row, today),
    currency: 'EUR',
    amounts: { net: row.netCents, tax: row.taxCents, gross: row.grossCents },
  };
}

export function toPayment(row: PaymentRow): TPayment {
  const nextAction = ZNextAction.safeParse(row.nextAction);
  return {
    id: row.id,
    invoiceId: row.invoiceId,
    method: row.method,
    status: row.status,
    amount: row.amountCents,
    currency: 'EUR',
    nextAction: nextAction.success ? nextAction.data : null,
    failureReason: row.failureReason,
    test: row.test,
    createdAt: row.createdAt.toISOString(),
    settledAt: row.settledAt?.toISOString() ?? null,
  };
}

export interface InvoiceDetailParts {
  invoice: InvoiceRow;
  lines: InvoiceLineRow[];
  payments: PaymentRow[];
  cancelledByInvoiceId: string | null;
  formats: TInvoiceFormat[];
  transferInstructions: TTransferInstructions | null;
  today: string;
}

export function toInvoice(parts: InvoiceDetailParts): TInvoice {
  const { invoice } = parts;
  return {
    ...toInvoiceSummary(invoice, parts.today),
    servicePeriod: { start: invoice.servicePeriodStart, end: invoice.servicePeriodEnd },
    lines: parts.lines.map((line) => ({
      description: line.description,
      quantity: line.quantityMilli / 1000,
      unit: line.unit,
      unitPrice: line.unitPriceCents,
      taxRate: line.taxRate,
      net: line.netCents,
    })),
    taxes: invoice.taxes,
    taxNote: invoice.taxNote,
    billingAddress: invoice.billingAddress,
    cancelsInvoiceId: invoice.cancelsInvoiceId,
    cancelledByInvoiceId: parts.cancelledByInvoiceId,
    correctsInvoiceId: invoice.correctsInvoiceId,
    vatTreatment: invoice.vatTreatment,
    formats: parts.formats,
    payments: parts.payments.map(toPayment),
    transferInstructions: parts.transferInstructions,
  };
}
