import type { TProfile, ZProfileUpdate } from '@portal/contracts';
import type { z } from 'zod';
import type { Database } from '../../db/client';
import type { UserRow } from '../../db/schema/index';
import { AppError, type FieldError } from '../../lib/app-error';
import { verifyPassword } from '../../lib/password';
import { salutation } from '../../mail/letter';
import { sendEmail } from '../../mail/mailer';
import { recordSecurityEvent } from '../security-log/security-log';
import { findCustomer, isEmailTaken, updateEmail, updateProfile } from './account.repository';
import { confirmEmailLink } from './account-links';
import {
  consumeAccountToken,
  findPendingEmailChange,
  issueAccountToken,
  PASSWORD_LINKS,
  revokeAccountTokens,
} from './account-tokens.repository';
import { checkVatId, fieldMessages, isCountryCode } from './field-rules';

export function toProfile(user: UserRow, pendingEmail: string | null): TProfile {
  return {
    customerNumber: user.customerNumber,
    email: user.email,
    pendingEmail,
    name: user.name,
    company: user.company,
    address: { street: user.street, postalCode: user.postalCode, city: user.city, country: user.country },
    phone: user.phone,
    vatId: user.vatId,
  };
}

export async function getProfile(db: Database, customerId: string): Promise<TProfile> {
  const user = await findCustomer(db, customerId);
  if (!user) throw AppError.notFound('customer');
  return toProfile(user, await findPendingEmailChange(db, customerId));
}

type ProfileUpdate = z.output<typeof ZProfileUpdate>;

/**
 * Saves the profile. A new e-mail address is not taken over here: it needs the current password,
 * and becomes the sign-in address only when the link sent to it is followed; the old address is told.
 */
export async function saveProfile(db: Database, customerId: string, input: ProfileUpdate, publicUrl: string) {
  const user = await findCustomer(db, customerId);
  if (!user) throw AppError.notFound('customer');

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
      ...(vat.vatId !== user.vatId ? { vatIdVerifiedAt: null, vatIdVerifiedBy: null } : {}),
    });
    if (emailChanges && input.email) {
      const token = await issueAccountToken(tx, { userId: customerId, purpose: 'email_change', newEmail: input.email });
      await recordSecurityEvent(tx, {
        type: 'email.change_requested',
        userId: customerId,
        details: { newEmail: input.email },
      });
      await sendEmail(tx, {
        to: input.email,
        customerId,
        subject: 'Bitte bestätigen Sie Ihre neue E-Mail-Adresse',
        template: 'account.email-change.confirm',
        paragraphs: [
          salutation(input.name),
          'bitte bestätigen Sie mit diesem Link, dass Sie Ihr Kundenportal künftig mit dieser Adresse nutzen möchten (24 Stunden gültig):',
          confirmEmailLink(publicUrl, token),
          'Wenn Sie das nicht veranlasst haben, ignorieren Sie diese E-Mail.',
        ],
      });
      await sendEmail(tx, {
        to: user.email,
        customerId,
        subject: 'Änderung Ihrer E-Mail-Adresse angefordert',
        template: 'account.email-change.notice',
        paragraphs: [
          salutation(input.name),
          `für Ihr Kundenkonto wurde die neue E-Mail-Adresse ${input.email} angegeben. Sie gilt, sobald sie über den Link bestätigt ist, den wir an sie geschickt haben.`,
          'Wenn Sie das nicht waren, ändern Sie bitte sofort Ihr Passwort und melden Sie sich bei uns.',
        ],
      });
    }
    return row;
  });
  if (!updated) throw AppError.notFound('customer');
  return toProfile(updated, await findPendingEmailChange(db, customerId));
}

/** Follows the link from the confirmation e-mail: the new address becomes the sign-in address. */
export async function confirmEmailChange(db: Database, token: string) {
  await db.transaction(async (tx) => {
    const used = await consumeAccountToken(tx, token, ['email_change']);
    if (!used?.newEmail) throw AppError.validation([{ path: 'token', message: fieldMessages.tokenInvalid }]);
    const user = await findCustomer(tx, used.userId);
    if (!user) throw AppError.validation([{ path: 'token', message: fieldMessages.tokenInvalid }]);
    if (await isEmailTaken(tx, used.newEmail))
      throw new AppError('conflict', 'Another account uses this e-mail address.');
    await updateEmail(tx, user.id, used.newEmail);
    await revokeAccountTokens(tx, user.id, PASSWORD_LINKS);
    await recordSecurityEvent(tx, {
      type: 'email.changed',
      userId: user.id,
      details: { previousEmail: user.email, newEmail: used.newEmail },
    });
    await sendEmail(tx, {
      to: user.email,
      customerId: user.id,
      subject: 'Ihre E-Mail-Adresse wurde geändert',
      template: 'account.email-change.done',
      paragraphs: [
        salutation(user.name),
        `Ihr Kundenkonto verwendet ab sofort die E-Mail-Adresse ${used.newEmail}. Wenn Sie das nicht waren, melden Sie sich bitte umgehend bei uns.`,
      ],
    });
  });
}
