import { createHash } from 'node:crypto';
import type { Database, DbOrTx } from '../../db/client';
import type { JobDefinition } from '../../jobs/scheduler';
import { AppError } from '../../lib/app-error';
import type { PdfRenderer } from '../../pdf/pdf-renderer';
import type { CustomerId } from '../customers/customer-id';
import { buildFacturX, buildXRechnung } from './einvoice/einvoice';
import { invoiceDocument } from './invoice-document';
import {
  addXmlToLegacyDocument,
  findInvoice,
  findInvoiceDocument,
  findInvoicesToArchive,
  findPrecedingInvoice,
  type InvoiceWithLines,
  insertInvoiceDocuments,
} from './invoices.repository';

export const ARCHIVE_BACKFILL_JOB = 'invoices.archive-backfill';

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Makes and archives an invoice's documents: the printed PDF turned into ZUGFeRD/Factur-X and the
 * XRechnung, each with its SHA-256. Called inside the transaction that issues the invoice, so an
 * invoice exists only with its documents; a failed render rolls the number back.
 */
export async function archiveIssuedDocuments(
  tx: DbOrTx,
  renderer: PdfRenderer,
  invoice: InvoiceWithLines,
): Promise<{ pdf: Buffer; xml: Buffer }> {
  const preceding = await findPrecedingInvoice(tx, invoice);
  const source = { invoice, lines: invoice.lines, preceding };
  const printed = await renderer.render(await invoiceDocument(invoice, invoice.lines, preceding?.number));
  const pdf = await buildFacturX(source, printed);
  const xml = await buildXRechnung(source);
  await insertInvoiceDocuments(tx, {
    invoiceId: invoice.id,
    pdf,
    sha256: sha256(pdf),
    facturX: true,
    xml,
    xmlSha256: sha256(xml),
  });
  return { pdf, xml };
}

/**
 * Invoices issued before documents were archived at issue: their documents are made once, from
 * the invoice's snapshots, and archived like new ones. A PDF archived earlier (at a first
 * download) stays as it is and only gets its XRechnung. Each invoice in its own transaction.
 */
export async function archiveMissingDocuments(db: Database, renderer: PdfRenderer, limit = 100): Promise<number> {
  let archived = 0;
  for (const pending of await findInvoicesToArchive(db, limit)) {
    await archiveOne(db, renderer, pending.customerId, pending.id);
    archived++;
  }
  return archived;
}

async function archiveOne(db: Database, renderer: PdfRenderer, customerId: CustomerId, invoiceId: string) {
  await db.transaction(async (tx) => {
    const invoice = await findInvoice(tx, customerId, invoiceId);
    if (!invoice) return;
    const existing = await findInvoiceDocument(tx, customerId, invoiceId);
    if (!existing) {
      await archiveIssuedDocuments(tx, renderer, invoice);
    } else if (!existing.xml) {
      const xml = await buildXRechnung({
        invoice,
        lines: invoice.lines,
        preceding: await findPrecedingInvoice(tx, invoice),
      });
      await addXmlToLegacyDocument(tx, invoiceId, xml, sha256(xml));
    }
  });
}

/** Runs at start (first tick) and then hourly until nothing is left; cheap when all is archived. */
export function archiveBackfillJob(renderer: PdfRenderer): JobDefinition {
  return {
    name: ARCHIVE_BACKFILL_JOB,
    intervalMs: 3_600_000,
    async run(db) {
      while ((await archiveMissingDocuments(db, renderer)) > 0) {
        // Batches of 100 until the back-fill is complete.
      }
    },
  };
}

export interface ArchivedFile {
  bytes: Buffer;
  etag: string;
  filename: string;
  contentType: string;
}

/**
 * An archived document of the customer's invoice, byte for byte. An invoice the back-fill has
 * not reached yet is archived now, by the same path.
 */
export async function getArchivedFile(
  db: Database,
  renderer: PdfRenderer,
  customerId: CustomerId,
  invoiceId: string,
  format: 'pdf' | 'xrechnung',
): Promise<ArchivedFile> {
  const invoice = await findInvoice(db, customerId, invoiceId);
  if (!invoice) throw AppError.notFound('invoice');
  let documents = await findInvoiceDocument(db, customerId, invoiceId);
  if (!documents?.xml) {
    await archiveOne(db, renderer, customerId, invoiceId);
    documents = await findInvoiceDocument(db, customerId, invoiceId);
  }
  if (!documents?.xml || !documents.xmlSha256) throw new Error('archived invoice documents vanished');
  return format === 'pdf'
    ? {
        bytes: documents.pdf,
        etag: `"${documents.sha256}"`,
        filename: `${invoice.number}.pdf`,
        contentType: 'application/pdf',
      }
    : {
        bytes: documents.xml,
        etag: `"${documents.xmlSha256}"`,
        filename: `${invoice.number}-xrechnung.xml`,
        contentType: 'application/xml',
      };
}
