import type {
  TDirectDebitState,
  TInvoice,
  TInvoiceEvent,
  TInvoiceFormat,
  TInvoiceStatus,
  TInvoiceSummary,
  TPayment,
  TTransferInstructions,
} from '@portal/contracts';
import { ZNextAction } from '@portal/contracts';
import type { InvoiceLineRow, InvoiceRow, PaymentRow } from '../../db/schema/index';

/**
 * What the customer sees: an open invoice past its due date is `overdue`, unless a direct debit
 * is announced or submitted for it (then the bank collects it; the customer is not late).
 */
export function invoiceStatusOf(
  invoice: Pick<InvoiceRow, 'state' | 'dueDate'>,
  today: string,
  debitPending = false,
): TInvoiceStatus {
  if (invoice.state === 'open' && invoice.dueDate < today && !debitPending) return 'overdue';
  return invoice.state;
}

/** The columns a list item needs; lists skip the address and provider snapshots. */
export type InvoiceSummaryRow = Pick<
  InvoiceRow,
  'id' | 'number' | 'kind' | 'issueDate' | 'dueDate' | 'state' | 'netCents' | 'taxCents' | 'grossCents'
> & {
  /** Succeeded payments so far (an invoice may be paid in parts). */
  paidCents: number;
};

/** Direct debit and dunning of an invoice (modules/collection). */
export interface InvoiceCollection {
  directDebit: TDirectDebitState | null;
  debitPending: boolean;
  dunningLevel: number | null;
}

const NO_COLLECTION: InvoiceCollection = { directDebit: null, debitPending: false, dunningLevel: null };

export function toInvoiceSummary(
  row: InvoiceSummaryRow,
  today: string,
  collection: InvoiceCollection = NO_COLLECTION,
): TInvoiceSummary {
  return {
    id: row.id,
    number: row.number,
    kind: row.kind,
    issueDate: row.issueDate,
    dueDate: row.dueDate,
    status: invoiceStatusOf(row, today, collection.debitPending),
    currency: 'EUR',
    amounts: { net: row.netCents, tax: row.taxCents, gross: row.grossCents },
    openAmount: row.state === 'open' && row.kind === 'invoice' ? row.grossCents - row.paidCents : 0,
    directDebit: collection.directDebit,
    dunningLevel: collection.dunningLevel,
  };
}

/** A list row that carries its collection facts (`listColumns` in the repository). */
export type ListedInvoiceRow = InvoiceSummaryRow & {
  directDebit: TDirectDebitState | null;
  dunningLevel: number | null;
};

export function toListedInvoice(row: ListedInvoiceRow, today: string): TInvoiceSummary {
  const status = row.directDebit?.status;
  return toInvoiceSummary(row, today, {
    directDebit: row.directDebit,
    debitPending: status === 'announced' || status === 'submitted',
    dunningLevel: row.dunningLevel,
  });
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
  collection: InvoiceCollection;
  history: TInvoiceEvent[];
}

export function toInvoice(parts: InvoiceDetailParts): TInvoice {
  const { invoice } = parts;
  return {
    ...toInvoiceSummary(
      {
        ...invoice,
        paidCents: parts.payments
          .filter((payment) => payment.status === 'succeeded')
          .reduce((sum, payment) => sum + payment.amountCents, 0),
      },
      parts.today,
      parts.collection,
    ),
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
    history: parts.history,
  };
}
