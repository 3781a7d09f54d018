import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../../db/client';
import type { JobDefinition } from '../../jobs/scheduler';
import { today } from '../../lib/calendar';
import { findDeletedCustomers } from './account.repository';
import { deleteDeliveredFarewells, findRetainedInvoiceDates, purgeDeletedCustomer } from './retention.repository';
import { mayPurge } from './rules/retention';

/**
 * Purges what deleted accounts left behind once the retention period of every invoice has ended.
 * Each customer in their own transaction: one failure (an unexpected new reference) leaves that
 * customer's records retained and logged, and the others still go. Idempotent.
 */
export function retentionPurgeJob(log: FastifyBaseLogger, now: () => Date = () => new Date()): JobDefinition {
  return {
    name: 'account.retention-purge',
    intervalMs: 24 * 3_600_000,
    async run(db: Database) {
      await deleteDeliveredFarewells(db);
      const day = today(now());
      for (const customer of await findDeletedCustomers(db)) {
        if (!mayPurge(await findRetainedInvoiceDates(db, customer.id), day)) continue;
        try {
          await db.transaction((tx) => purgeDeletedCustomer(tx, customer.id));
          log.info({ customerId: customer.id }, 'retained records of a deleted account purged');
        } catch (error) {
          log.error({ err: error, customerId: customer.id }, 'purging a deleted account failed');
        }
      }
    },
  };
}
