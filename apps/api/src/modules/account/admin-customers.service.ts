import type { ZAdminCustomerCreate } from '@portal/contracts';
import type { z } from 'zod';
import type { Database } from '../../db/client';
import { AppError, type FieldError } from '../../lib/app-error';
import { sendEmail } from '../../mail/mailer';
import { customerWelcome } from '../../mail/templates/account';
import { insertCustomerAccount } from '../customers/customers.repository';
import { isEmailTaken } from './account.repository';
import { resetPasswordLink } from './account-links';
import { issueAccountToken } from './account-tokens.repository';
import { checkVatId, fieldMessages, isCountryCode } from './field-rules';

type NewCustomer = z.output<typeof ZAdminCustomerCreate>;

/**
 * The back office creates a customer at their first purchase. The account has no password; the
 * welcome e-mail carries a link to set one (the reset machinery, valid 7 days).
 */
export async function createCustomerAccount(db: Database, input: NewCustomer, publicUrl: string, providerName: string) {
  const errors: FieldError[] = [];
  const country = input.address?.country ?? 'DE';
  if (input.address && !isCountryCode(country))
    errors.push({ path: 'address.country', message: fieldMessages.countryUnknown });
  const vat = checkVatId(input.vatId, country);
  errors.push(...vat.errors);
  // A VAT ID is a business's (§27a UStG); a consumer giving one is a sign the type is wrong.
  if (input.customerType === 'consumer' && vat.vatId)
    errors.push({ path: 'vatId', message: 'Only a business has a VAT ID; choose customerType "business".' });
  if (errors.length > 0) throw AppError.validation(errors);
  if (await isEmailTaken(db, input.email))
    throw new AppError('conflict', 'Another account uses this e-mail address.', {
      errors: [{ path: 'email', message: fieldMessages.emailInUse }],
    });

  return db.transaction(async (tx) => {
    const customer = await insertCustomerAccount(tx, {
      customerType: input.customerType,
      email: input.email,
      passwordHash: null,
      name: input.name,
      company: input.company ?? null,
      street: input.address?.street ?? null,
      postalCode: input.address?.postalCode ?? null,
      city: input.address?.city ?? null,
      country: input.address ? country : null,
      phone: input.phone ?? null,
      vatId: vat.vatId,
      language: input.language,
    });
    const token = await issueAccountToken(tx, { userId: customer.userId, purpose: 'welcome' });
    await sendEmail(tx, {
      to: customer.email,
      language: input.language,
      template: customerWelcome,
      params: {
        name: customer.name,
        providerName,
        customerNumber: customer.customerNumber ?? '',
        link: resetPasswordLink(publicUrl, token, true),
      },
    });
    return {
      id: customer.id,
      customerNumber: customer.customerNumber,
      email: customer.email,
      name: customer.name,
      company: customer.company,
      customerType: input.customerType,
    };
  });
}
