import type {
  TInvoice,
  TInvoiceFormat,
  TInvoiceStatus,
  TInvoiceSummary,
  TTransferInstructions,
} from '@portal/contracts';
import type { Database } from '../../db/client';
import type { InvoiceRow } from '../../db/schema/index';
import { AppError } from '../../lib/app-error';
import { today } from '../../lib/calendar';
import { type Page, pageOf } from '../../lib/pagination';
import { collectionFactsOf, invoiceHistory } from '../collection/collection-view';
import type { CustomerId } from '../customers/customer-id';
import { epcQrDataUri } from './epc-qr';
import { toInvoice, toListedInvoice } from './invoice-mapping';
import { findCancellationOf, findDocumentFormats, findInvoice, findInvoiceSummaries } from './invoices.repository';
import { findPaymentsOfInvoice } from './payments.repository';

interface Cursor {
  issueDate: string;
  number: string;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.issueDate, cursor.number])).toString('base64url');
}

export function decodeCursor(text: string): Cursor {
  try {
    const [issueDate, number] = JSON.parse(Buffer.from(text, 'base64url').toString()) as unknown[];
    if (typeof issueDate === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(issueDate) && typeof number === 'string') {
      return { issueDate, number };
    }
  } catch {
    // Falls through to the field error below.
  }
  throw AppError.validation([{ path: 'query.cursor', message: 'is not a cursor of this list' }]);
}

export async function listInvoices(
  db: Database,
  customerId: CustomerId,
  query: { statuses?: TInvoiceStatus[] | undefined; limit: number; cursor?: string | undefined },
): Promise<Page<TInvoiceSummary>> {
  const day = today();
  const rows = await findInvoiceSummaries(db, customerId, {
    statuses: query.statuses,
    today: day,
    limit: query.limit + 1,
    after: query.cursor ? decodeCursor(query.cursor) : undefined,
  });
  const { rows: page, nextCursor, hasMore } = pageOf(rows, query.limit, encodeCursor);
  return {
    items: page.map((row) => toListedInvoice(row, day)),
    nextCursor,
    hasMore,
  };
}

/** Bank details for paying (what is open of) an invoice by transfer, with the GiroCode. */
export async function transferInstructionsFor(
  invoice: InvoiceRow,
  amountCents = invoice.grossCents,
): Promise<TTransferInstructions> {
  const { provider } = invoice;
  return {
    accountHolder: provider.name,
    iban: provider.iban,
    bic: provider.bic,
    bankName: provider.bankName,
    reference: invoice.number,
    amount: amountCents,
    currency: 'EUR',
    qrCode: await epcQrDataUri({
      bic: provider.bic,
      name: provider.name,
      iban: provider.iban,
      amountCents,
      reference: invoice.number,
    }),
  };
}

export async function getInvoice(db: Database, customerId: CustomerId, invoiceId: string): Promise<TInvoice> {
  const found = await findInvoice(db, customerId, invoiceId);
  if (!found) throw AppError.notFound('invoice');
  const [payments, cancelledByInvoiceId, documents, collection] = await Promise.all([
    findPaymentsOfInvoice(db, customerId, invoiceId),
    findCancellationOf(db, customerId, invoiceId),
    findDocumentFormats(db, customerId, invoiceId),
    collectionFactsOf(db, customerId, [invoiceId]),
  ]);
  // Not yet archived (the back-fill has not reached it): the first download archives both.
  const formats: TInvoiceFormat[] = documents
    ? [
        'pdf',
        ...(documents.facturX ? (['factur-x'] as const) : []),
        ...(documents.hasXml ? (['xrechnung'] as const) : []),
      ]
    : ['pdf', 'factur-x', 'xrechnung'];
  const facts = collection(invoiceId);
  const paid = payments.filter((row) => row.status === 'succeeded').reduce((sum, row) => sum + row.amountCents, 0);
  // Nothing to transfer while the bank collects a debit.
  const payable = found.state === 'open' && found.kind === 'invoice' && !facts.debitPending;
  return toInvoice({
    invoice: found,
    lines: found.lines,
    payments,
    cancelledByInvoiceId,
    formats,
    transferInstructions: payable ? await transferInstructionsFor(found, found.grossCents - paid) : null,
    today: today(),
    collection: facts,
    history: await invoiceHistory(db, found, payments),
  });
}
