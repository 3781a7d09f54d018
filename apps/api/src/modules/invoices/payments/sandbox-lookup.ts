import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client';
import { invoices } from '../../../db/schema/index';

/** The reference the provider shows on its hosted page (it knows the payment, not the customer). */
export async function findInvoiceNumberForProvider(db: DbOrTx, invoiceId: string): Promise<string | undefined> {
  const [row] = await db.select({ number: invoices.number }).from(invoices).where(eq(invoices.id, invoiceId));
  return row?.number;
}
