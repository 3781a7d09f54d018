import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../../db/client';
import type { JobDefinition } from '../../jobs/scheduler';
import type { LifecycleContext } from '../../lifecycle/data-lifecycle';
import { dataLifecycles } from '../../lifecycle/registry';
import type { CustomerId } from '../customers/customer-id';
import { findDeletedCustomers } from './account.repository';
import { deleteDeletedCustomerRow } from './retention.repository';

export const RETENTION_JOB = 'account.retention-purge';

export interface RetentionJobOptions {
  log: FastifyBaseLogger;
  periods: LifecycleContext['periods'];
  /** Counts a failed step (the metric), by module. */
  onFailure: (module: string) => void;
  now?: () => Date;
}

async function retainedByAnyModule(db: Database, customerId: CustomerId): Promise<boolean> {
  for (const entry of dataLifecycles) if (await entry.retains?.(db, customerId)) return true;
  return false;
}

/**
 * The daily purge: every registered module deletes what has outlived its retention period, then
 * the rows of deleted customers under which nothing is retained any more go. One failing step
 * does not stop the others; every failure is logged, counted in the metric and, at the end,
 * thrown, so the scheduler stores it as the job's `last_error`. Idempotent.
 */
export function retentionPurgeJob(options: RetentionJobOptions): JobDefinition {
  const { log, periods, onFailure, now = () => new Date() } = options;
  return {
    name: RETENTION_JOB,
    intervalMs: 24 * 3_600_000,
    async run(db: Database) {
      const context: LifecycleContext = { now: now(), periods };
      const failures: string[] = [];
      const fail = (module: string, subject: string, error: unknown) => {
        failures.push(`${subject}: ${error instanceof Error ? error.message : String(error)}`);
        log.error({ err: error, job: RETENTION_JOB, module }, `retention purge failed: ${subject}`);
        onFailure(module);
      };

      for (const entry of dataLifecycles) {
        if (!entry.purge) continue;
        try {
          const purged = await entry.purge(db, context);
          if (purged > 0) log.info({ job: RETENTION_JOB, module: entry.module, purged }, 'retention period ended');
        } catch (error) {
          fail(entry.module, entry.module, error);
        }
      }
      for (const customer of await findDeletedCustomers(db)) {
        try {
          if (await retainedByAnyModule(db, customer.id)) continue;
          if (await db.transaction((tx) => deleteDeletedCustomerRow(tx, customer.id)))
            log.info({ job: RETENTION_JOB, customerId: customer.id }, 'deleted account purged');
        } catch (error) {
          fail('account', `deleted account ${customer.id}`, error);
        }
      }
      if (failures.length > 0) throw new Error(`retention purge: ${failures.join('; ')}`);
    },
  };
}
