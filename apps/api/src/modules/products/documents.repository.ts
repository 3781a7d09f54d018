import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { contractDocuments, documentFiles } from '../../db/schema/index';
import type { CustomerId } from '../customers/customer-id';

export type NewContractDocument = typeof contractDocuments.$inferInsert;

const listColumns = {
  id: contractDocuments.id,
  title: contractDocuments.title,
  kind: contractDocuments.kind,
  version: contractDocuments.version,
  acceptedOn: contractDocuments.acceptedOn,
  createdAt: contractDocuments.createdAt,
  sizeBytes: documentFiles.sizeBytes,
  sha256: documentFiles.sha256,
};

export async function findProductDocuments(db: DbOrTx, customerId: CustomerId, productId: string) {
  return db
    .select(listColumns)
    .from(contractDocuments)
    .innerJoin(documentFiles, eq(documentFiles.id, contractDocuments.fileId))
    .where(and(eq(contractDocuments.customerId, customerId), eq(contractDocuments.productId, productId)))
    .orderBy(asc(contractDocuments.createdAt), asc(contractDocuments.kind));
}

/** One document with its bytes; undefined when missing or another customer's. */
export async function findProductDocumentFile(
  db: DbOrTx,
  customerId: CustomerId,
  productId: string,
  documentId: string,
) {
  const [row] = await db
    .select({ ...listColumns, content: documentFiles.content, mediaType: documentFiles.mediaType })
    .from(contractDocuments)
    .innerJoin(documentFiles, eq(documentFiles.id, contractDocuments.fileId))
    .where(
      and(
        eq(contractDocuments.customerId, customerId),
        eq(contractDocuments.productId, productId),
        eq(contractDocuments.id, documentId),
      ),
    )
    .limit(1);
  return row;
}

/**
 * The stored file of a general document (terms, SLA, data processing agreement) in a version.
 * These are the same text for every customer, so the lookup is deliberately not customer-scoped:
 * the bytes are stored once and shared.
 */
export async function findGeneralDocumentFileId(db: DbOrTx, kind: NewContractDocument['kind'], version: string) {
  const [row] = await db
    .select({ fileId: contractDocuments.fileId })
    .from(contractDocuments)
    .where(and(eq(contractDocuments.kind, kind), eq(contractDocuments.version, version)))
    .limit(1);
  return row?.fileId;
}

/** Stores bytes once by their SHA-256 and returns the file's id. */
export async function storeDocumentFile(db: DbOrTx, file: { sha256: string; content: Buffer }) {
  const [inserted] = await db
    .insert(documentFiles)
    .values({ sha256: file.sha256, content: file.content, sizeBytes: file.content.length })
    .onConflictDoNothing({ target: documentFiles.sha256 })
    .returning({ id: documentFiles.id });
  if (inserted) return inserted.id;
  const [existing] = await db
    .select({ id: documentFiles.id })
    .from(documentFiles)
    .where(eq(documentFiles.sha256, file.sha256));
  if (!existing) throw new Error('document file vanished');
  return existing.id;
}

export async function insertContractDocument(db: DbOrTx, values: NewContractDocument) {
  const [row] = await db.insert(contractDocuments).values(values).returning();
  if (!row) throw new Error('contract document insert returned nothing');
  return row;
}
