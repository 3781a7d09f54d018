import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import { customers } from '../../../db/schema/index';
import { AppError } from '../../../lib/app-error';
import { normalizeVatId, VAT_ID_FORMATS } from '../../account/rules/vat-id';
import type { CustomerId } from '../../customers/customer-id';

/**
 * Staff checked the customer's VAT ID (VIES) and record it: when and who. Only the ID the
 * customer has now can be verified; changing the ID later clears the mark (profile service).
 */
export async function verifyVatId(db: Database, staffId: string, customerId: CustomerId, vatIdInput: string) {
  const vatId = normalizeVatId(vatIdInput);
  const format = VAT_ID_FORMATS[vatId.slice(0, 2)];
  if (!format?.test(vatId)) throw AppError.validation([{ path: 'vatId', message: 'is not a VAT ID of an EU state' }]);
  const [customer] = await db.select({ vatId: customers.vatId }).from(customers).where(eq(customers.id, customerId));
  if (!customer) throw AppError.notFound('customer');
  if (!customer.vatId || normalizeVatId(customer.vatId) !== vatId) {
    throw new AppError('conflict', 'The VAT ID differs from the one the customer has stored.');
  }
  await db
    .update(customers)
    .set({ vatIdVerifiedAt: sql`now()`, vatIdVerifiedBy: staffId, updatedAt: sql`now()` })
    .where(eq(customers.id, customerId));
}
