import { createHash } from 'node:crypto';
import type { TContractDocument } from '@portal/contracts';
import type { ProviderIdentity } from '../../config';
import type { DbOrTx } from '../../db/client';
import type { CustomerProductRow, ProductCatalogRow } from '../../db/schema/index';
import { AppError } from '../../lib/app-error';
import type { PdfRenderer } from '../../pdf/pdf-renderer';
import type { CustomerId } from '../customers/customer-id';
import {
  type DocumentCustomer,
  GENERAL_DOCUMENTS,
  generalDocumentHtml,
  orderConfirmationHtml,
} from './document-templates';
import {
  findGeneralDocumentFileId,
  findProductDocumentFile,
  findProductDocuments,
  insertContractDocument,
  type NewContractDocument,
  storeDocumentFile,
} from './documents.repository';
import { findCustomerProduct } from './products.repository';

type Kind = NewContractDocument['kind'];

/** A document ready to store: fresh PDF bytes, or the id of general terms stored before. */
export type PreparedDocument = { kind: Kind; title: string; version: string } & (
  | { pdf: Buffer; fileId?: undefined }
  | { fileId: string; pdf?: undefined }
);

export interface DocumentSources {
  provider: ProviderIdentity;
  customer: DocumentCustomer;
  product: CustomerProductRow;
  catalog: ProductCatalogRow;
}

/**
 * Renders a new contract's documents. Rendering is slow, so it happens before the transaction
 * that stores them; general terms already stored in the same version are reused, not re-rendered.
 */
export async function prepareContractDocuments(
  db: DbOrTx,
  renderer: Pick<PdfRenderer, 'render'>,
  sources: DocumentSources,
): Promise<PreparedDocument[]> {
  const { provider, customer, product, catalog } = sources;
  const prepared: PreparedDocument[] = [
    {
      kind: 'order_confirmation',
      title: `Auftragsbestätigung ${product.contractNumber}`,
      version: product.contractNumber,
      pdf: await renderer.render(orderConfirmationHtml(provider, customer, product, catalog)),
    },
  ];
  for (const general of GENERAL_DOCUMENTS) {
    const meta = { kind: general.kind, title: general.title, version: general.version };
    const fileId = await findGeneralDocumentFileId(db, general.kind, general.version);
    prepared.push(
      fileId ? { ...meta, fileId } : { ...meta, pdf: await renderer.render(generalDocumentHtml(provider, general)) },
    );
  }
  return prepared;
}

export const sha256Hex = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Stores prepared documents for a contract, accepted on the day it was booked. */
export async function storeContractDocuments(
  tx: DbOrTx,
  product: Pick<CustomerProductRow, 'id' | 'customerId'>,
  acceptedOn: string,
  documents: PreparedDocument[],
) {
  for (const document of documents) {
    const fileId =
      document.fileId ?? (await storeDocumentFile(tx, { sha256: sha256Hex(document.pdf), content: document.pdf }));
    await insertContractDocument(tx, {
      customerId: product.customerId,
      productId: product.id,
      kind: document.kind,
      title: document.title,
      version: document.version,
      acceptedOn,
      fileId,
    });
  }
}

type DocumentListRow = Awaited<ReturnType<typeof findProductDocuments>>[number];

/** A version is current until a later document of the same kind replaces it (rows come oldest first). */
function toContractDocuments(rows: DocumentListRow[]): TContractDocument[] {
  return rows.map((row, index) => ({
    ...row,
    createdAt: row.createdAt.toISOString(),
    current: !rows.slice(index + 1).some((later) => later.kind === row.kind),
  }));
}

export async function listProductDocuments(db: DbOrTx, customerId: CustomerId, productId: string) {
  if (!(await findCustomerProduct(db, customerId, productId))) throw AppError.notFound('product');
  return toContractDocuments(await findProductDocuments(db, customerId, productId));
}

/** The stored bytes exactly as accepted, with a file name built from kind and version. */
export async function loadProductDocument(db: DbOrTx, customerId: CustomerId, productId: string, documentId: string) {
  const row = await findProductDocumentFile(db, customerId, productId, documentId);
  if (!row) throw AppError.notFound('document');
  const fileName = `${row.kind}-${row.version}.pdf`.replace(/[^A-Za-z0-9._-]/g, '_');
  return { content: row.content, mediaType: row.mediaType, fileName, sha256: row.sha256 };
}
