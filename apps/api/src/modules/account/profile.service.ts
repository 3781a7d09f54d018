import type { TProfile, ZProfileUpdate } from '@portal/contracts';
import type { z } from 'zod';
import type { Database } from '../../db/client';
import type { CustomerRow, UserRow } from '../../db/schema/index';
import { AppError, type FieldError } from '../../lib/app-error';
import { verifyPassword } from '../../lib/password';
import { sendEmail } from '../../mail/mailer';
import { emailChangeConfirm, emailChanged, emailChangeNotice } from '../../mail/templates/account';
import { findActiveUser } from '../auth/users.repository';
import type { CustomerId } from '../customers/customer-id';
import { findCustomer, findMembershipOf } from '../customers/customers.repository';
import { type RequestOrigin, recordSecurityEvent } from '../security-log/security-log';
import { isEmailTaken, updateEmail, updateProfile } from './account.repository';
import { confirmEmailLink } from './account-links';
import {
  consumeAccountToken,
  findPendingEmailChange,
  issueAccountToken,
  PASSWORD_LINKS,
  revokeAccountTokens,
} from './account-tokens.repository';
import { checkVatId, fieldMessages, isCountryCode } from './field-rules';

/** Who edits the profile: the customer account's data, the signed-in user's address. */
export interface ProfileActor {
  userId: string;
  customerId: CustomerId;
  /** The request the change comes with (its security-log entry names it). */
  origin: RequestOrigin;
}

export function toProfile(customer: CustomerRow, user: UserRow, pendingEmail: string | null): TProfile {
  return {
    customerNumber: customer.customerNumber,
    email: user.email,
    pendingEmail,
    name: customer.name,
    company: customer.company,
    address: {
      street: customer.street,
      postalCode: customer.postalCode,
      city: customer.city,
      country: customer.country,
    },
    phone: customer.phone,
    vatId: customer.vatId,
  };
}

async function load(db: Database, actor: ProfileActor) {
  const customer = await findCustomer(db, actor.customerId);
  const user = await findActiveUser(db, actor.userId);
  if (!customer || !user) throw AppError.notFound('customer');
  return { customer, user };
}

export async function getProfile(db: Database, actor: ProfileActor): Promise<TProfile> {
  const { customer, user } = await load(db, actor);
  return toProfile(customer, user, await findPendingEmailChange(db, user.id));
}

type ProfileUpdate = z.output<typeof ZProfileUpdate>;

/**
 * Saves the profile. A new e-mail address is not taken over here: it needs the current password,
 * and becomes the sign-in address only when the link sent to it is followed; the old address is told.
 */
export async function saveProfile(db: Database, actor: ProfileActor, input: ProfileUpdate, publicUrl: string) {
  const { customer, user } = await load(db, actor);
  const { customerId, userId } = actor;

  const errors: FieldError[] = [];
  const country = input.address.country;
  if (!isCountryCode(country)) errors.push({ path: 'address.country', message: fieldMessages.countryUnknown });
  const vat = checkVatId(input.vatId, country);
  errors.push(...vat.errors);
  const emailChanges = input.email !== undefined && input.email !== user.email.toLowerCase();
  if (emailChanges) {
    if (!input.currentPassword) errors.push({ path: 'currentPassword', message: fieldMessages.passwordRequired });
    else if (!(await verifyPassword(user.passwordHash, input.currentPassword)))
      errors.push({ path: 'currentPassword', message: fieldMessages.wrongPassword });
  }
  if (errors.length > 0) throw AppError.validation(errors);
  if (emailChanges && input.email && (await isEmailTaken(db, input.email)))
    throw new AppError('conflict', 'Another account uses this e-mail address.', {
      errors: [{ path: 'email', message: fieldMessages.emailInUse }],
    });

  const updated = await db.transaction(async (tx) => {
    const row = await updateProfile(tx, customerId, {
      name: input.name,
      company: input.company ?? null,
      street: input.address.street,
      postalCode: input.address.postalCode,
      city: input.address.city,
      country,
      phone: input.phone ?? null,
      vatId: vat.vatId,
      // A changed VAT ID is unverified again: reverse charge waits for staff to check it.
      ...(vat.vatId !== customer.vatId ? { vatIdVerifiedAt: null, vatIdVerifiedBy: null } : {}),
    });
    if (emailChanges && input.email) {
      const token = await issueAccountToken(tx, { userId, purpose: 'email_change', newEmail: input.email });
      await recordSecurityEvent(tx, {
        type: 'email.change_requested',
        userId,
        origin: actor.origin,
        details: { newEmail: input.email },
      });
      await sendEmail(tx, {
        to: input.email,
        customerId,
        language: user.language,
        template: emailChangeConfirm,
        params: { name: input.name, link: confirmEmailLink(publicUrl, token) },
      });
      await sendEmail(tx, {
        to: user.email,
        customerId,
        language: user.language,
        template: emailChangeNotice,
        params: { name: input.name, newEmail: input.email },
      });
    }
    return row;
  });
  if (!updated) throw AppError.notFound('customer');
  return toProfile(updated, user, await findPendingEmailChange(db, userId));
}

/** Follows the link from the confirmation e-mail: the new address becomes the sign-in address. */
export async function confirmEmailChange(db: Database, token: string, origin: RequestOrigin) {
  await db.transaction(async (tx) => {
    const used = await consumeAccountToken(tx, token, ['email_change']);
    if (!used?.newEmail) throw AppError.validation([{ path: 'token', message: fieldMessages.tokenInvalid }]);
    const user = await findActiveUser(tx, used.userId);
    if (!user) throw AppError.validation([{ path: 'token', message: fieldMessages.tokenInvalid }]);
    if (await isEmailTaken(tx, used.newEmail))
      throw new AppError('conflict', 'Another account uses this e-mail address.');
    await updateEmail(tx, user.id, used.newEmail);
    await revokeAccountTokens(tx, user.id, PASSWORD_LINKS);
    await recordSecurityEvent(tx, {
      type: 'email.changed',
      userId: user.id,
      origin,
      details: { previousEmail: user.email, newEmail: used.newEmail },
    });
    await sendEmail(tx, {
      to: user.email,
      customerId: (await findMembershipOf(tx, user.id))?.customerId ?? null,
      language: user.language,
      template: emailChanged,
      params: { name: user.name, newEmail: used.newEmail },
    });
  });
}
