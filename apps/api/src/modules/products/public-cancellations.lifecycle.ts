import { asc, eq, lt } from 'drizzle-orm';
import { publicCancellationRequests } from '../../db/schema/index';
import { retentionCutoff } from '../../lib/retention-periods';
import type { DataLifecycle } from '../../lifecycle/data-lifecycle';

/**
 * Declarations from the public §312k form: proof of what was declared when, kept for the
 * correspondence period from the year of receipt (also after the account's deletion; the purge
 * of the account row unlinks them, ON DELETE SET NULL), then purged whether matched or not.
 */
export const publicCancellationsLifecycle: DataLifecycle = {
  module: 'products.public-cancellations',
  tables: [publicCancellationRequests],
  keptAfterDeletion: ['publicDeclarations'],
  async export(db, customerId) {
    const rows = await db
      .select()
      .from(publicCancellationRequests)
      .where(eq(publicCancellationRequests.customerId, customerId))
      .orderBy(asc(publicCancellationRequests.receivedAt));
    return {
      publicDeclarations: rows.map((row) => ({
        reference: row.reference,
        type: row.type,
        reason: row.reason,
        name: row.name,
        customerNumber: row.customerNumber,
        email: row.email,
        contract: row.contract,
        requestedEndDate: row.requestedEndDate,
        status: row.status,
        receivedAt: row.receivedAt.toISOString(),
      })),
    };
  },
  async purge(db, { now, periods }) {
    const purged = await db
      .delete(publicCancellationRequests)
      .where(lt(publicCancellationRequests.receivedAt, retentionCutoff(periods.publicDeclarations, now)))
      .returning({ id: publicCancellationRequests.id });
    return purged.length;
  },
};
