import { and, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { bankStatementEntries, bankStatementImports, customerAccountEntries } from '../../db/schema/index';
import type { CustomerId } from '../customers/customer-id';

export type NewBankEntry = typeof bankStatementEntries.$inferInsert;
export type NewAccountEntry = typeof customerAccountEntries.$inferInsert;

export async function insertImport(tx: DbOrTx, values: typeof bankStatementImports.$inferInsert) {
  const [row] = await tx.insert(bankStatementImports).values(values).returning({ id: bankStatementImports.id });
  if (!row) throw new Error('statement import insert returned nothing');
  return row;
}

export async function updateImportCounts(
  tx: DbOrTx,
  importId: string,
  counts: { matched: number; unmatched: number; duplicates: number },
) {
  await tx.update(bankStatementImports).set(counts).where(eq(bankStatementImports.id, importId));
}

/**
 * Inserts an entry once: a reference seen before (same statement imported again) inserts nothing
 * and answers undefined — the unique index decides, also between concurrent imports.
 */
export async function insertEntryOnce(tx: DbOrTx, values: NewBankEntry) {
  const [row] = await tx
    .insert(bankStatementEntries)
    .values(values)
    .onConflictDoNothing({ target: bankStatementEntries.reference })
    .returning();
  return row;
}

export async function updateEntry(tx: DbOrTx, id: string, changes: Partial<NewBankEntry>) {
  await tx.update(bankStatementEntries).set(changes).where(eq(bankStatementEntries.id, id));
}

/** Back office: entries by status, newest booking first. */
export async function listEntries(db: DbOrTx, status: 'matched' | 'unmatched' | 'assigned', limit: number) {
  return db
    .select()
    .from(bankStatementEntries)
    .where(eq(bankStatementEntries.status, status))
    .orderBy(desc(bankStatementEntries.bookingDate), desc(bankStatementEntries.id))
    .limit(limit);
}

export async function lockEntry(tx: DbOrTx, id: string) {
  const [row] = await tx.select().from(bankStatementEntries).where(eq(bankStatementEntries.id, id)).for('update');
  return row;
}

export async function insertAccountEntry(tx: DbOrTx, values: NewAccountEntry) {
  await tx.insert(customerAccountEntries).values(values);
}

export async function listAccountEntries(db: DbOrTx, customerId: CustomerId) {
  return db
    .select()
    .from(customerAccountEntries)
    .where(eq(customerAccountEntries.customerId, customerId))
    .orderBy(desc(customerAccountEntries.createdAt));
}

export async function listEntriesOfCustomer(db: DbOrTx, customerId: CustomerId) {
  return db
    .select()
    .from(bankStatementEntries)
    .where(and(eq(bankStatementEntries.customerId, customerId)))
    .orderBy(desc(bankStatementEntries.bookingDate));
}
