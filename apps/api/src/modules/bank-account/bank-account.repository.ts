import { and, desc, eq, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { type SepaMandateRow, sepaMandateDocuments, sepaMandates } from '../../db/schema/index';
import type { CustomerId } from '../customers/customer-id';

/** The customer's current (not revoked) mandate, or undefined. Used by invoices for `sepa_debit`. */
export async function findActiveMandate(db: DbOrTx, customerId: CustomerId): Promise<SepaMandateRow | undefined> {
  const [row] = await db
    .select()
    .from(sepaMandates)
    .where(and(eq(sepaMandates.customerId, customerId), isNull(sepaMandates.revokedAt)))
    .limit(1);
  return row;
}

export async function findMandate(db: DbOrTx, customerId: CustomerId, mandateId: string) {
  const [row] = await db
    .select()
    .from(sepaMandates)
    .where(and(eq(sepaMandates.customerId, customerId), eq(sepaMandates.id, mandateId)))
    .limit(1);
  return row;
}

export async function listMandates(db: DbOrTx, customerId: CustomerId) {
  return db
    .select()
    .from(sepaMandates)
    .where(eq(sepaMandates.customerId, customerId))
    .orderBy(desc(sepaMandates.signedAt));
}

export async function revokeActiveMandate(db: DbOrTx, customerId: CustomerId) {
  await db
    .update(sepaMandates)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(sepaMandates.customerId, customerId), isNull(sepaMandates.revokedAt)));
}

export interface NewMandate {
  id: string;
  signedAt: Date;
  customerId: CustomerId;
  reference: string;
  accountHolder: string;
  iban: string;
  bic: string | null;
  creditorId: string;
}

export async function insertMandate(db: DbOrTx, mandate: NewMandate) {
  const [row] = await db.insert(sepaMandates).values(mandate).returning();
  if (!row) throw new Error('mandate insert returned nothing');
  return row;
}

export async function insertMandateDocument(
  db: DbOrTx,
  document: { mandateId: string; customerId: CustomerId; pdf: Buffer },
) {
  await db.insert(sepaMandateDocuments).values(document);
}

/** The archived PDF of the customer's mandate, or undefined (mandates issued before archiving). */
export async function findMandateDocument(db: DbOrTx, customerId: CustomerId, mandateId: string) {
  const [row] = await db
    .select({ pdf: sepaMandateDocuments.pdf })
    .from(sepaMandateDocuments)
    .where(and(eq(sepaMandateDocuments.customerId, customerId), eq(sepaMandateDocuments.mandateId, mandateId)))
    .limit(1);
  return row?.pdf;
}

/** Revoked mandates whose revocation lies before `before`: candidates for the retention purge. */
export async function findMandatesRevokedBefore(db: DbOrTx, before: Date) {
  return db
    .select()
    .from(sepaMandates)
    .where(and(isNotNull(sepaMandates.revokedAt), lt(sepaMandates.revokedAt, before)));
}

/** The mandate and its archived PDF go together (retention purge). */
export async function deleteMandate(db: DbOrTx, mandateId: string) {
  await db.delete(sepaMandateDocuments).where(eq(sepaMandateDocuments.mandateId, mandateId));
  await db.delete(sepaMandates).where(eq(sepaMandates.id, mandateId));
}
