import type { DbOrTx } from '../../../db/client';
import { findActiveMandate } from '../../account/bank-account.repository';

/** The customer's active SEPA mandate (owned by the account section), if any. */
export async function findSepaMandate(db: DbOrTx, customerId: string) {
  return findActiveMandate(db, customerId);
}
