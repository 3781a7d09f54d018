import { accountTokens } from '../../db/schema/index';
import type { DataLifecycle } from '../../lifecycle/data-lifecycle';
import { findCustomer } from './account.repository';
import { deleteAccountTokensOf, findPendingEmailChange } from './account-tokens.repository';
import { toProfile } from './profile.service';

/**
 * The customer's own row and link tokens. Deletion anonymises the row in place (the deletion
 * service) and deletes the tokens; the retention job removes the row once no module retains
 * anything under it. Token hashes are secrets, not data the customer could use: not exported.
 */
export const accountLifecycle: DataLifecycle = {
  module: 'account',
  tables: [accountTokens],
  keptAfterDeletion: [],
  async export(db, customerId) {
    const user = await findCustomer(db, customerId);
    if (!user) return {};
    return {
      profile: {
        id: user.id,
        ...toProfile(user, await findPendingEmailChange(db, customerId)),
        hasPassword: user.passwordHash !== null,
        createdAt: user.createdAt.toISOString(),
        updatedAt: user.updatedAt.toISOString(),
      },
      customerType: user.customerType,
    };
  },
  erase: (tx, customerId) => deleteAccountTokensOf(tx, customerId),
};
