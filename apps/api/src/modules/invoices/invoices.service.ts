import { createHash } from 'node:crypto';
import type { TInvoice, TInvoiceStatus, TInvoiceSummary, TTransferInstructions } from '@portal/contracts';
import type { Database } from '../../db/client';
import type { InvoiceRow } from '../../db/schema/index';
import { AppError } from '../../lib/app-error';
import { today } from '../../lib/calendar';
import type { PdfRenderer } from '../../pdf/pdf-renderer';
import { epcQrDataUri } from './epc-qr';
import { invoiceDocument } from './invoice-document';
import { toInvoice, toInvoiceSummary } from './invoice-mapping';
import {
  archiveInvoiceDocument,
  findCancellationOf,
  findInvoice,
  findInvoiceDocument,
  findInvoiceSummaries,
} from './invoices.repository';
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
  customerId: string,
  query: { statuses?: TInvoiceStatus[] | undefined; limit: number; cursor?: string | undefined },
): Promise<{ items: TInvoiceSummary[]; nextCursor: string | null }> {
  const day = today();
  const rows = await findInvoiceSummaries(db, customerId, {
    statuses: query.statuses,
    today: day,
    limit: query.limit + 1,
    after: query.cursor ? decodeCursor(query.cursor) : undefined,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => toInvoiceSummary(row, day)),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null,
  };
}

/** Bank details for paying an open invoice by transfer, with the GiroCode. */
export async function transferInstructionsFor(invoice: InvoiceRow): Promise<TTransferInstructions> {
  const { provider } = invoice;
  return {
    accountHolder: provider.name,
    iban: provider.iban,
    bic: provider.bic,
    bankName: provider.bankName,
    reference: invoice.number,
    amount: invoice.grossCents,
    currency: 'EUR',
    qrCode: await epcQrDataUri({
      bic: provider.bic,
      name: provider.name,
      iban: provider.iban,
      amountCents: invoice.grossCents,
      reference: invoice.number,
    }),
  };
}

export async function getInvoice(db: Database, customerId: string, invoiceId: string): Promise<TInvoice> {
  const found = await findInvoice(db, customerId, invoiceId);
  if (!found) throw AppError.notFound('invoice');
  const [payments, cancelledByInvoiceId] = await Promise.all([
    findPaymentsOfInvoice(db, customerId, invoiceId),
    findCancellationOf(db, customerId, invoiceId),
  ]);
  const payable = found.state === 'open' && found.kind === 'invoice';
  return toInvoice({
    invoice: found,
    lines: found.lines,
    payments,
    cancelledByInvoiceId,
    transferInstructions: payable ? await transferInstructionsFor(found) : null,
    today: today(),
  });
}

export interface InvoicePdf {
  pdf: Buffer;
  etag: string;
  filename: string;
}

/**
 * The invoice's PDF. The first rendering is archived with its SHA-256; every later download
 * serves exactly those bytes, so the customer's copy and the provider's never differ.
 */
export async function getInvoicePdf(
  db: Database,
  renderer: PdfRenderer,
  customerId: string,
  invoiceId: string,
): Promise<InvoicePdf> {
  const found = await findInvoice(db, customerId, invoiceId);
  if (!found) throw AppError.notFound('invoice');
  let archived = await findInvoiceDocument(db, customerId, found.id);
  if (!archived) {
    const cancelled = found.cancelsInvoiceId ? await findInvoice(db, customerId, found.cancelsInvoiceId) : undefined;
    const pdf = await renderer.render(await invoiceDocument(found, found.lines, cancelled?.number));
    archived = await archiveInvoiceDocument(
      db,
      customerId,
      found.id,
      pdf,
      createHash('sha256').update(pdf).digest('hex'),
    );
    if (!archived) throw new Error('archived invoice document vanished');
  }
  return { pdf: archived.pdf, etag: `"${archived.sha256}"`, filename: `${found.number}.pdf` };
}
