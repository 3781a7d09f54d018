import { accountTokens, customerMembers } from '../../db/schema/index';
import type { DataLifecycle } from '../../lifecycle/data-lifecycle';
import { asCustomerId } from '../customers/customer-id';
import { findCustomer, findOwners, memberUserIds } from '../customers/customers.repository';
import { deleteAccountTokensOf, findPendingEmailChange } from './account-tokens.repository';
import { toProfile } from './profile.service';

/**
 * The customer's own row and link tokens. Deletion anonymises the row in place (the deletion
 * service) and deletes the tokens; the retention job removes the row once no module retains
 * anything under it. Token hashes are secrets, not data the customer could use: not exported.
 */
export const accountLifecycle: DataLifecycle = {
  module: 'account',
  tables: [accountTokens, customerMembers],
  keptAfterDeletion: [],
  async export(db, customerId) {
    const customer = await findCustomer(db, asCustomerId(customerId));
    const [owner] = await findOwners(db, asCustomerId(customerId));
    if (!customer || !owner) return {};
    return {
      profile: {
        id: customer.id,
        ...toProfile(customer, owner, await findPendingEmailChange(db, owner.id)),
        hasPassword: owner.passwordHash !== null,
        language: owner.language,
        createdAt: customer.createdAt.toISOString(),
        updatedAt: customer.updatedAt.toISOString(),
      },
      customerType: customer.customerType,
    };
  },
  erase: (tx, customerId) => deleteAccountTokensOf(tx, memberUserIds(tx, customerId)),
};
