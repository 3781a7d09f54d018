import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import { users } from '../../../db/schema/index';
import { AppError } from '../../../lib/app-error';
import { normalizeVatId, VAT_ID_FORMATS } from '../../account/rules/vat-id';

/**
 * Staff checked the customer's VAT ID (VIES) and record it: when and who. Only the ID the
 * customer has now can be verified; changing the ID later clears the mark (profile service).
 */
export async function verifyVatId(db: Database, staffId: string, customerId: string, vatIdInput: string) {
  const vatId = normalizeVatId(vatIdInput);
  const format = VAT_ID_FORMATS[vatId.slice(0, 2)];
  if (!format?.test(vatId)) throw AppError.validation([{ path: 'vatId', message: 'is not a VAT ID of an EU state' }]);
  const [customer] = await db
    .select({ vatId: users.vatId })
    .from(users)
    .where(and(eq(users.id, customerId), eq(users.role, 'customer')));
  if (!customer) throw AppError.notFound('customer');
  if (!customer.vatId || normalizeVatId(customer.vatId) !== vatId) {
    throw new AppError('conflict', 'The VAT ID differs from the one the customer has stored.');
  }
  await db
    .update(users)
    .set({ vatIdVerifiedAt: sql`now()`, vatIdVerifiedBy: staffId, updatedAt: sql`now()` })
    .where(eq(users.id, customerId));
}
