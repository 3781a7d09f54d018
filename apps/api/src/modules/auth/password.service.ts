import type { Database } from '../../db/client';
import { AppError } from '../../lib/app-error';
import { hashPassword, verifyPassword } from '../../lib/password';
import { sendEmail } from '../../mail/mailer';
import { passwordChanged, passwordResetLink, passwordSet } from '../../mail/templates/account';
import { sessionOf } from '../../plugins/auth';
import { updatePasswordHash } from '../account/account.repository';
import { resetPasswordLink } from '../account/account-links';
import {
  consumeAccountToken,
  issueAccountToken,
  PASSWORD_LINKS,
  revokeAccountTokens,
} from '../account/account-tokens.repository';
import { checkNewPassword, fieldMessages } from '../account/field-rules';
import { findMembershipOf } from '../customers/customers.repository';
import { type RequestOrigin, recordSecurityEvent } from '../security-log/security-log';
import { revokeAllSessions } from './sessions.repository';
import { findActiveUser, findUserByEmail } from './users.repository';

/** Changes the password of a signed-in user; every session but the current one ends. */
export async function changePassword(
  db: Database,
  auth: { userId: string; sessionId: string | null; origin: RequestOrigin },
  input: { currentPassword: string; newPassword: string },
) {
  const user = await findActiveUser(db, auth.userId);
  if (!user) throw AppError.notFound('customer');
  if (!(await verifyPassword(user.passwordHash, input.currentPassword)))
    throw AppError.validation([{ path: 'currentPassword', message: fieldMessages.wrongPassword }]);
  const errors = checkNewPassword('newPassword', input.newPassword, user.email);
  if (errors.length > 0) throw AppError.validation(errors);

  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await updatePasswordHash(tx, user.id, passwordHash);
    await revokeAllSessions(tx, user.id, sessionOf(auth));
    await revokeAccountTokens(tx, user.id, PASSWORD_LINKS);
    await recordSecurityEvent(tx, { type: 'password.changed', userId: user.id, origin: auth.origin });
    await sendEmail(tx, {
      to: user.email,
      customerId: (await findMembershipOf(tx, user.id))?.customerId ?? null,
      language: user.language,
      template: passwordChanged,
      params: { name: user.name },
    });
  });
}

/**
 * Sends a reset link if the address belongs to an active account. The caller answers 202 either
 * way, so the answer does not reveal which addresses have accounts.
 */
export async function requestPasswordReset(db: Database, email: string, publicUrl: string) {
  const user = await findUserByEmail(db, email);
  if (!user || user.disabledAt) return;
  await db.transaction(async (tx) => {
    const token = await issueAccountToken(tx, { userId: user.id, purpose: 'password_reset' });
    await sendEmail(tx, {
      to: user.email,
      customerId: (await findMembershipOf(tx, user.id))?.customerId ?? null,
      language: user.language,
      template: passwordResetLink,
      params: { name: user.name, link: resetPasswordLink(publicUrl, token) },
    });
  });
}

/** Sets a password from a reset or welcome link; ends every session of the account. Answers its e-mail. */
export async function confirmPasswordReset(
  db: Database,
  input: { token: string; newPassword: string },
  origin: RequestOrigin,
) {
  return db.transaction(async (tx) => {
    const used = await consumeAccountToken(tx, input.token, PASSWORD_LINKS);
    const user = used ? await findActiveUser(tx, used.userId) : undefined;
    if (!user || user.disabledAt) throw AppError.validation([{ path: 'token', message: fieldMessages.tokenInvalid }]);
    // A rejected password rolls the transaction back, so the link can be used again with a better one.
    const errors = checkNewPassword('newPassword', input.newPassword, user.email);
    if (errors.length > 0) throw AppError.validation(errors);
    await updatePasswordHash(tx, user.id, await hashPassword(input.newPassword));
    await revokeAllSessions(tx, user.id);
    // A welcome link still open after a reset (or the other way round) must not set it again.
    await revokeAccountTokens(tx, user.id, PASSWORD_LINKS);
    await recordSecurityEvent(tx, {
      type: 'password.reset',
      userId: user.id,
      origin,
      details: { purpose: used?.purpose ?? null },
    });
    await sendEmail(tx, {
      to: user.email,
      customerId: (await findMembershipOf(tx, user.id))?.customerId ?? null,
      language: user.language,
      template: passwordSet,
      params: { name: user.name },
    });
    return { email: user.email };
  });
}
