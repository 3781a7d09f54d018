import { accountFieldMessages } from '@portal/contracts';
import { dictionary } from '@zxcvbn-ts/language-common';

/** OWASP ASVS 5 (V6.2): length, not composition, decides; at least 64 characters allowed. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

/**
 * About 49,000 of the most common passwords from breach corpora (zxcvbn's list), looked up in
 * lower case so that "Password1234" counts as common as well.
 */
const commonPasswords = new Set(dictionary['passwords-common'].map((entry) => entry.toLowerCase()));

export function isCommonPassword(password: string): boolean {
  return commonPasswords.has(password.toLowerCase());
}

export type PasswordProblem = 'too_short' | 'too_long' | 'common' | 'contains_email';

/** Counted in code points, so that "ä" or an emoji is one character as the user sees it. */
function lengthOf(password: string): number {
  return [...password].length;
}

export function passwordProblem(password: string, email: string): PasswordProblem | null {
  const length = lengthOf(password);
  if (length < PASSWORD_MIN_LENGTH) return 'too_short';
  if (length > PASSWORD_MAX_LENGTH) return 'too_long';
  if (isCommonPassword(password)) return 'common';
  const lower = password.toLowerCase();
  const address = email.toLowerCase();
  const localPart = address.split('@')[0] ?? '';
  // The whole address, or its local part when long enough to be a real hint, must not appear.
  if (lower.includes(address) || (localPart.length >= 4 && lower.includes(localPart))) return 'contains_email';
  return null;
}

export const passwordProblemMessages: Record<PasswordProblem, string> = {
  too_short: accountFieldMessages.passwordTooShort,
  too_long: accountFieldMessages.passwordTooLong,
  common: accountFieldMessages.passwordCommon,
  contains_email: accountFieldMessages.passwordContainsEmail,
};
