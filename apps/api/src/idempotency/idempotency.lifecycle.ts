import { idempotencyKeys } from '../db/schema/index';
import type { DataLifecycle } from '../lifecycle/data-lifecycle';
import { deleteKeysOf, purgeExpiredKeys } from './idempotency.repository';

/**
 * Idempotency keys hold copies of answers for 24 hours so that a retry gets the same answer: not
 * exported (the records they answered with are), erased with the account, purged once expired.
 */
export const idempotencyLifecycle: DataLifecycle = {
  module: 'idempotency',
  tables: [idempotencyKeys],
  keptAfterDeletion: [],
  async export() {
    return {};
  },
  async erase(tx, customerId) {
    await deleteKeysOf(tx, customerId);
  },
  async purge(db, { now }) {
    return purgeExpiredKeys(db, now);
  },
};
