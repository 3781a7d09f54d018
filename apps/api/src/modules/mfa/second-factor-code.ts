import { mfaFieldMessages } from '@portal/contracts';
import type { DbOrTx } from '../../db/client';
import { type RequestOrigin, recordSecurityEvent } from '../security-log/security-log';
import { wrongCode } from './code-throttle';
import type { MfaContext } from './mfa.plugin';
import { claimTotpStep, findTotpFactor, recoveryCodeState, useRecoveryCode } from './second-factors.repository';
import { acceptedTotpStep, hashRecoveryCode, looksLikeTotpCode } from './totp';

export type CodeMethod = 'totp' | 'recovery_code';

/** The TOTP secret of a factor row, or undefined when it does not decrypt (another key). */
export const openTotpSecret = (ctx: MfaContext, userId: string, ciphertext: string) => ctx.box.open(ciphertext, userId);

/**
 * Checks a code of the user's confirmed factor inside `tx`: six digits are a TOTP code (its step
 * claimed, so it works once), anything else a recovery code (used up). Throws the field error for
 * `code` otherwise; the caller runs this under the code throttle.
 */
export async function useSecondFactorCode(
  ctx: MfaContext,
  tx: DbOrTx,
  userId: string,
  code: string,
  origin: RequestOrigin,
): Promise<CodeMethod> {
  const now = ctx.now();
  if (looksLikeTotpCode(code)) {
    const factor = await findTotpFactor(tx, userId);
    const secret = factor?.confirmedAt ? openTotpSecret(ctx, userId, factor.secretCiphertext) : undefined;
    const step = secret ? await acceptedTotpStep(secret, code, now, factor?.lastUsedStep ?? null) : undefined;
    if (step === undefined || !(await claimTotpStep(tx, userId, step))) throw wrongCode(mfaFieldMessages.codeWrong);
    return 'totp';
  }
  if (!(await useRecoveryCode(tx, userId, hashRecoveryCode(code), now))) throw wrongCode(mfaFieldMessages.codeWrong);
  const { remaining } = await recoveryCodeState(tx, userId);
  await recordSecurityEvent(tx, { type: 'mfa.recovery_code_used', userId, origin, details: { remaining } });
  return 'recovery_code';
}
