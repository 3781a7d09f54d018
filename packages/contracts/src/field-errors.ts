/**
 * Field errors by code. Every field error the API sends carries a `code` from this list (and an
 * English `message` for API consumers); the SPA shows its own sentence for the code in the UI
 * language and never the message. A schema that needs a specific code names it as the issue's
 * message (`{ error: 'postalCodeFormat' }`); the API replaces it by the English sentence below.
 */
export const fieldMessages = {
  // Generic rules, derived from zod's issue codes (see fieldErrorOfIssue).
  required: 'is required',
  tooShort: 'is too short',
  tooLong: 'is too long',
  tooSmall: 'is too small',
  tooLarge: 'is too large',
  tooFew: 'has too few entries',
  tooMany: 'has too many entries',
  invalid: 'is invalid',
  invalidChoice: 'is not one of the allowed values',
  email: 'is not an e-mail address',
  date: 'is not a date (YYYY-MM-DD)',
  // Account: bank data, VAT ID, address.
  ibanFormat: 'is not an IBAN',
  ibanCountry: 'is from a country outside the SEPA area',
  ibanLength: 'has the wrong length for its country',
  ibanChecksum: 'has wrong check digits (typo?)',
  bicFormat: 'is not a BIC',
  bicCountry: 'does not belong to the country of the IBAN',
  vatIdCountry: 'must start with an EU country code (Greece: EL)',
  vatIdFormat: 'does not match the format of its country',
  countryUnknown: 'must be a two-letter ISO country code',
  vatIdCountryMismatch: 'must belong to the country of the address',
  postalCodeFormat: 'does not match the postal code format of the country',
  leitwegIdInvalid: 'is not a Leitweg-ID (format or check digits)',
  // Sign-in data.
  wrongPassword: 'is wrong',
  passwordRequired: 'is required to change the e-mail address',
  tokenInvalid: 'is invalid or has expired',
  emailInUse: 'is already in use',
  passwordTooShort: 'must be at least 12 characters long',
  passwordTooLong: 'must be at most 128 characters long',
  passwordCommon: 'is too common: it appears in lists of breached passwords',
  passwordContainsEmail: 'must not contain the e-mail address',
  passwordMismatch: 'does not match the new password',
  confirmRequired: 'must be confirmed',
  codeWrong: 'is wrong or was already used',
  // Contracts, tickets, lists.
  reasonRequired: 'An extraordinary cancellation needs a reason.',
  endDateNotAllowed: 'is not a date on which the contract can end',
  productUnknown: 'No such product in your contracts.',
  dateInPast: 'must be today or later',
  nothingChanged: 'changes neither the price nor the terms',
  beforeStart: 'must not be before the start of the contract',
  sameEndDate: 'is the end date the contract already has',
  fileTooLarge: 'The file is too large.',
  fileTypeRefused: 'Only PDF, PNG, JPEG and plain text files are accepted.',
  fileNameMismatch: 'The file name does not match its content.',
  filesTooLarge: 'The files of this message are too large together.',
  cursorInvalid: 'is not a cursor of this list',
  // API tokens.
  expiryPast: 'must be in the future',
  expiryTooLate: 'must be at most a year ahead',
  scopeBeyondRole: 'names a permission your role does not have',
} as const;

export type TFieldErrorCode = keyof typeof fieldMessages;
export const fieldErrorCodes = Object.keys(fieldMessages) as TFieldErrorCode[];

/** Numbers a message needs (the limit of a too-long text); nothing else travels with a code. */
export type TFieldErrorParams = { minimum?: number; maximum?: number };

export interface TCodedFieldError {
  code: TFieldErrorCode;
  params?: TFieldErrorParams;
}

const codeByMessage = new Map<string, TFieldErrorCode>(
  Object.entries(fieldMessages).map(([code, message]) => [message, code as TFieldErrorCode]),
);

export function isFieldErrorCode(value: unknown): value is TFieldErrorCode {
  return typeof value === 'string' && Object.hasOwn(fieldMessages, value);
}

/** The code of a message the API wrote: a code itself, a sentence of the list above, or `invalid`. */
export function fieldErrorCodeOf(message: string): TFieldErrorCode {
  if (isFieldErrorCode(message)) return message;
  return codeByMessage.get(message) ?? 'invalid';
}

/** The parts of a zod issue that decide its code (a zod issue, or fastify's copy of one). */
export interface IssueLike {
  code: string;
  message?: string | undefined;
  origin?: unknown;
  format?: unknown;
  minimum?: unknown;
  maximum?: unknown;
  input?: unknown;
}

const asNumber = (value: unknown) =>
  typeof value === 'number' ? value : typeof value === 'bigint' ? Number(value) : undefined;

/**
 * One mapping from a zod issue to a field code, used by the API (errors plugin) and by the SPA's
 * form resolver, so a rule written once in the contracts reads the same in both.
 */
export function fieldErrorOfIssue(issue: IssueLike): TCodedFieldError {
  if (issue.message !== undefined && (isFieldErrorCode(issue.message) || codeByMessage.has(issue.message))) {
    return { code: fieldErrorCodeOf(issue.message) };
  }
  const minimum = asNumber(issue.minimum);
  const maximum = asNumber(issue.maximum);
  switch (issue.code) {
    case 'invalid_type':
      // A missing member: zod reports the input (SPA) or names it in its message (API).
      return issue.input === undefined || issue.input === null || /received (undefined|null)/.test(issue.message ?? '')
        ? { code: 'required' }
        : { code: 'invalid' };
    case 'too_small':
      if (issue.origin === 'string')
        return minimum === 1 ? { code: 'required' } : { code: 'tooShort', params: { minimum: minimum ?? 0 } };
      if (issue.origin === 'array' || issue.origin === 'set')
        return { code: 'tooFew', params: { minimum: minimum ?? 0 } };
      return { code: 'tooSmall', params: { minimum: minimum ?? 0 } };
    case 'too_big':
      if (issue.origin === 'string') return { code: 'tooLong', params: { maximum: maximum ?? 0 } };
      if (issue.origin === 'array' || issue.origin === 'set')
        return { code: 'tooMany', params: { maximum: maximum ?? 0 } };
      return { code: 'tooLarge', params: { maximum: maximum ?? 0 } };
    case 'invalid_format':
      if (issue.format === 'email') return { code: 'email' };
      if (issue.format === 'date') return { code: 'date' };
      return { code: 'invalid' };
    case 'invalid_value':
      return { code: 'invalidChoice' };
    default:
      return { code: 'invalid' };
  }
}
