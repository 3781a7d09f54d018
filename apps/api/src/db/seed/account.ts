import { hashPassword } from '../../lib/password';
import { insertCustomerAccount } from '../../modules/customers/customers.repository';
import type { DbOrTx } from '../client';
import { DEMO_PASSWORD, type SeededAccounts } from './accounts';

/** A customer without contracts or open invoices: the one who can try out deleting an account. */
export const ACCOUNT_DEMO_EMAIL = 'ohne-vertrag@example.com';

export async function seedAccountSection(tx: DbOrTx, _accounts: SeededAccounts): Promise<void> {
  await insertCustomerAccount(tx, {
    customerType: 'consumer',
    email: ACCOUNT_DEMO_EMAIL,
    passwordHash: await hashPassword(DEMO_PASSWORD),
    name: 'Lena Vogt',
    company: null,
    street: 'Norderstraße 40',
    postalCode: '24939',
    city: 'Flensburg',
    country: 'DE',
    phone: null,
    vatId: null,
  });
}
