import { createHash, randomInt } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';

/** RFC 6238 as every authenticator app reads it: SHA-1, 6 digits, 30-second steps. */
export const TOTP_PERIOD_SECONDS = 30;
/** One step either side: a phone clock off by up to 30 s, or a code typed as it changes. */
const TOLERANCE_SECONDS = TOTP_PERIOD_SECONDS;

export const newTotpSecret = () => generateSecret({ length: 20 });

export function otpauthUrl(secret: string, issuer: string, account: string): string {
  return generateURI({ issuer, label: account, secret });
}

export const qrCodeSvg = (text: string) => QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });

/** A code as people type it: spaces and dashes dropped. */
export const normaliseCode = (code: string) => code.replace(/[\s-]/g, '').toLowerCase();
export const looksLikeTotpCode = (code: string) => /^\d{6}$/.test(normaliseCode(code));

/**
 * The time step a code belongs to, when it is valid at `now` (one step of tolerance either side)
 * and belongs to a later step than `afterStep`, the last one accepted: a code is used once.
 */
export async function acceptedTotpStep(
  secret: string,
  code: string,
  now: Date,
  afterStep: number | null,
): Promise<number | undefined> {
  const token = normaliseCode(code);
  if (!/^\d{6}$/.test(token)) return undefined;
  const epoch = Math.floor(now.getTime() / 1000);
  const currentStep = Math.floor(epoch / TOTP_PERIOD_SECONDS);
  // A remembered step from the future (a clock set back) refuses everything up to it.
  if (afterStep !== null && afterStep > currentStep + 1) return undefined;
  try {
    const result = await verify({
      secret,
      token,
      epoch,
      epochTolerance: TOLERANCE_SECONDS,
      ...(afterStep !== null ? { afterTimeStep: afterStep } : {}),
    });
    // The TOTP strategy's result names the step (the HOTP one, which this never is, does not).
    return result.valid && 'timeStep' in result ? result.timeStep : undefined;
  } catch {
    return undefined;
  }
}

/** No 0/o, 1/l/i: codes are read off paper and typed. 31 letters, 12 of them: ~59 bits. */
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
export const RECOVERY_CODE_COUNT = 10;

/** Ten fresh recovery codes, `xxxx-xxxx-xxxx`. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from({ length: 12 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]);
    return [chars.slice(0, 4), chars.slice(4, 8), chars.slice(8)].map((group) => group.join('')).join('-');
  });
}

/** What is stored of a recovery code: the SHA-256 of its normalised form (high-entropy codes need no slow hash). */
export const hashRecoveryCode = (code: string) => createHash('sha256').update(normaliseCode(code)).digest('hex');
