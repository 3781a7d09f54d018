import type { TCustomerExportSections } from '@portal/contracts';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Database, DbOrTx } from '../db/client';
import type { RetentionCategory, RetentionPeriod } from '../lib/retention-periods';
import type { CustomerId } from '../modules/customers/customer-id';

/** When a lifecycle step runs, and the retention periods in force (configuration included). */
export interface LifecycleContext {
  now: Date;
  periods: Readonly<Record<RetentionCategory, RetentionPeriod>>;
}

/**
 * How one module's customer data lives and ends. Every module that stores customer data
 * registers one entry in `registry.ts`; the account module only ever calls the list.
 */
export interface DataLifecycle {
  /** The owning module, e.g. `tickets`. */
  module: string;
  /** The tables this entry answers for; every table referencing users must be one of them (test). */
  tables: readonly PgTable[];
  /** The customer's records, under their top-level keys of the export. */
  export(db: DbOrTx, customerId: CustomerId): Promise<Partial<TCustomerExportSections>>;
  /**
   * Account deletion, inside its transaction: erase what need not be kept. Absent: every record
   * is kept after deletion for the periods in `keptAfterDeletion`.
   */
  erase?(tx: DbOrTx, customerId: CustomerId, context: LifecycleContext): Promise<void>;
  /** The daily purge: deletes the records whose retention period has ended; answers how many. */
  purge?(db: Database, context: LifecycleContext): Promise<number>;
  /** What the customer is told stays after deletion (deletion page, farewell e-mail). */
  keptAfterDeletion: readonly RetentionCategory[];
  /** Whether records of a deleted customer still wait for their period: the row in users stays. */
  retains?(db: DbOrTx, customerId: CustomerId): Promise<boolean>;
}
