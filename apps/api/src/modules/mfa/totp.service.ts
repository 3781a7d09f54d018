import { mfaFieldMessages, type TSecondFactors, type TTotpEnrolment } from '@portal/contracts';
import { AppError } from '../../lib/app-error';
import { verifyPassword } from '../../lib/password';
import { sendEmail } from '../../mail/mailer';
import { totpDisabled, totpEnabled } from '../../mail/templates/security';
import type { SessionUser } from '../auth/sessions.repository';
import { findActiveUser } from '../auth/users.repository';
import { type RequestOrigin, recordSecurityEvent } from '../security-log/security-log';
import { wrongCode } from './code-throttle';
import type { MfaContext } from './mfa.plugin';
import { openTotpSecret, useSecondFactorCode } from './second-factor-code';
import {
  confirmTotpFactor,
  countPasskeys,
  deleteTotpFactor,
  findTotpFactor,
  recoveryCodeState,
  replaceRecoveryCodes,
  savePendingTotp,
} from './second-factors.repository';
import { acceptedTotpStep, hashRecoveryCode, newRecoveryCodes, newTotpSecret, otpauthUrl, qrCodeSvg } from './totp';

export async function getSecondFactors(ctx: MfaContext, userId: string): Promise<TSecondFactors> {
  const [factor, codes, passkeys] = await Promise.all([
    findTotpFactor(ctx.db, userId),
    recoveryCodeState(ctx.db, userId),
    countPasskeys(ctx.db, userId),
  ]);
  const enabledAt = factor?.confirmedAt ?? null;
  return {
    totp: { enabled: enabledAt !== null, enabledAt: enabledAt?.toISOString() ?? null },
    recoveryCodes: {
      remaining: enabledAt ? codes.remaining : 0,
      generatedAt: enabledAt ? (codes.generatedAt?.toISOString() ?? null) : null,
    },
    passkeys,
  };
}

const alreadyOn = () => new AppError('conflict', 'The authenticator app is already set up. Turn it off first.');
const notOn = () => new AppError('conflict', 'No authenticator app is set up.');

/** A new secret for the app; replaces an enrolment that was never confirmed. */
export async function startTotpEnrolment(ctx: MfaContext, user: SessionUser): Promise<TTotpEnrolment> {
  const secret = newTotpSecret();
  if (!(await savePendingTotp(ctx.db, user.id, ctx.box.seal(secret, user.id)))) throw alreadyOn();
  const url = otpauthUrl(secret, ctx.issuer, user.email);
  return { secret, otpauthUrl: url, qrCodeSvg: await qrCodeSvg(url) };
}

async function newCodesFor(ctx: MfaContext, tx: MfaContext['db'], userId: string) {
  const codes = newRecoveryCodes();
  await replaceRecoveryCodes(tx, userId, codes.map(hashRecoveryCode), ctx.now());
  return codes;
}

function notify(tx: MfaContext['db'], user: SessionUser, template: typeof totpEnabled) {
  // No customerId: the outbox finds the customer the address's user is a member of.
  return sendEmail(tx, { to: user.email, language: user.language, template, params: { name: user.name } });
}

/** The first code from the app turns TOTP on; the ten recovery codes are answered this once. */
export async function confirmTotpEnrolment(ctx: MfaContext, user: SessionUser, code: string, origin: RequestOrigin) {
  const factor = await findTotpFactor(ctx.db, user.id);
  if (!factor) throw new AppError('conflict', 'Start setting up the authenticator app first.');
  if (factor.confirmedAt) throw alreadyOn();
  const secret = openTotpSecret(ctx, user.id, factor.secretCiphertext);
  if (!secret) throw new AppError('conflict', 'Start setting up the authenticator app again.');
  return ctx.codes.attempt(user.id, async () => {
    const now = ctx.now();
    if ((await acceptedTotpStep(secret, code, now, factor.lastUsedStep)) === undefined)
      throw wrongCode(mfaFieldMessages.codeWrong);
    return ctx.db.transaction(async (tx) => {
      if (!(await confirmTotpFactor(tx, user.id, now))) throw alreadyOn();
      const codes = await newCodesFor(ctx, tx, user.id);
      await recordSecurityEvent(tx, { type: 'mfa.totp_enabled', userId: user.id, origin });
      await notify(tx, user, totpEnabled);
      return codes;
    });
  });
}

async function requirePassword(db: MfaContext['db'], user: SessionUser, password: string) {
  if (!(await verifyPassword((await findActiveUser(db, user.id))?.passwordHash, password)))
    throw AppError.validation([{ path: 'password', message: mfaFieldMessages.passwordWrong }]);
}

/** Turns TOTP off with the password and a code (or recovery code); the recovery codes go too. */
export async function disableTotp(
  ctx: MfaContext,
  user: SessionUser,
  input: { password: string; code: string },
  origin: RequestOrigin,
) {
  const factor = await findTotpFactor(ctx.db, user.id);
  if (!factor?.confirmedAt) throw notOn();
  await requirePassword(ctx.db, user, input.password);
  await ctx.codes.attempt(user.id, () =>
    ctx.db.transaction(async (tx) => {
      const method = await useSecondFactorCode(ctx, tx, user.id, input.code, origin);
      await deleteTotpFactor(tx, user.id);
      await recordSecurityEvent(tx, { type: 'mfa.totp_disabled', userId: user.id, origin, details: { method } });
      await notify(tx, user, totpDisabled);
    }),
  );
}

/** Ten new recovery codes with the password; the old ones stop working. */
export async function regenerateRecoveryCodes(
  ctx: MfaContext,
  user: SessionUser,
  password: string,
  origin: RequestOrigin,
) {
  const factor = await findTotpFactor(ctx.db, user.id);
  if (!factor?.confirmedAt) throw notOn();
  await requirePassword(ctx.db, user, password);
  return ctx.db.transaction(async (tx) => {
    const codes = await newCodesFor(ctx, tx, user.id);
    await recordSecurityEvent(tx, { type: 'mfa.recovery_codes_regenerated', userId: user.id, origin });
    return codes;
  });
}
