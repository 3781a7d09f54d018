import { z } from 'zod';
import { listOf, ZEmailInput, ZIdParams, ZIfMatchHeaders, ZInstant, ZUuid } from './common';
import { ZCustomerExport, ZRetainedCategory } from './data-export';
import { fieldMessages } from './field-errors';
import { defineRoute } from './http';
import { isPostalCodeOf } from './postal-codes';
import { authProblems, commonProblems, ZProblem } from './problem';

/** Trimmed text; empty means "not given" for optional fields. */
export const trimmedText = (max: number) => z.string().trim().max(max);
export const optionalText = (max: number) =>
  z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? null : value),
    trimmedText(max).nullable(),
  );

/** The field messages of the account routes (the API's field-rules use these English sentences). */
export const accountFieldMessages = {
  ibanFormat: fieldMessages.ibanFormat,
  ibanCountry: fieldMessages.ibanCountry,
  ibanLength: fieldMessages.ibanLength,
  ibanChecksum: fieldMessages.ibanChecksum,
  bicFormat: fieldMessages.bicFormat,
  bicCountry: fieldMessages.bicCountry,
  vatIdCountry: fieldMessages.vatIdCountry,
  vatIdFormat: fieldMessages.vatIdFormat,
  countryUnknown: fieldMessages.countryUnknown,
  vatIdCountryMismatch: fieldMessages.vatIdCountryMismatch,
  wrongPassword: fieldMessages.wrongPassword,
  passwordRequired: fieldMessages.passwordRequired,
  tokenInvalid: fieldMessages.tokenInvalid,
  emailInUse: fieldMessages.emailInUse,
  passwordTooShort: fieldMessages.passwordTooShort,
  passwordTooLong: fieldMessages.passwordTooLong,
  passwordCommon: fieldMessages.passwordCommon,
  passwordContainsEmail: fieldMessages.passwordContainsEmail,
} as const;

export const ZAddress = z
  .object({
    street: z.string().nullable(),
    postalCode: z.string().nullable(),
    city: z.string().nullable(),
    country: z.string().nullable().meta({ description: 'ISO 3166-1 alpha-2' }),
  })
  .meta({ id: 'Address' });

export const ZProfile = z
  .object({
    customerNumber: z.string().nullable(),
    email: z.string(),
    /** An e-mail change waiting for confirmation through the link sent to the new address. */
    pendingEmail: z.string().nullable(),
    name: z.string(),
    company: z.string().nullable(),
    address: ZAddress,
    phone: z.string().nullable(),
    vatId: z.string().nullable(),
  })
  .meta({ id: 'Profile' });
export type TProfile = z.infer<typeof ZProfile>;

/** A postal address; the postal code must have its country's format (no "123" in Germany). */
export const ZAddressInput = z
  .object({
    street: trimmedText(200).min(1),
    postalCode: trimmedText(20).min(1),
    city: trimmedText(100).min(1),
    country: z.preprocess((value) => (typeof value === 'string' ? value.trim().toUpperCase() : value), z.string()),
  })
  .superRefine(
    (address, ctx) => {
      const { postalCode, country } = address ?? {};
      if (typeof postalCode === 'string' && typeof country === 'string' && postalCode.trim())
        if (!isPostalCodeOf(country, postalCode))
          ctx.addIssue({ code: 'custom', path: ['postalCode'], message: 'postalCodeFormat' });
    },
    // Reported together with the other fields' errors, not only once they are right.
    { when: () => true },
  );

export const ZProfileUpdate = z.object({
  name: trimmedText(200).min(1),
  company: optionalText(200).optional(),
  address: ZAddressInput,
  phone: optionalText(50).optional(),
  vatId: optionalText(20).optional(),
  /** A different address starts the confirmation; it needs `currentPassword`. */
  email: ZEmailInput.optional(),
  currentPassword: z.string().max(1024).optional(),
});
export type TProfileUpdate = z.input<typeof ZProfileUpdate>;

/** OWASP ASVS 5 (V6.2): length decides, not composition; counted as the user sees characters. */
export const PASSWORD_LENGTH = { min: 12, max: 128 } as const;

/**
 * Accepted as typed (never trimmed). Its length is checked here, in code points, so the form
 * says "too short" before sending; the server also checks common lists and the e-mail address.
 */
export const ZNewPassword = z
  .string()
  // The UTF-16 bound first (visible to JSON Schema and the contract fuzzer), then code points.
  .min(PASSWORD_LENGTH.min, { error: 'passwordTooShort' })
  .max(1024)
  .superRefine((password, ctx) => {
    const length = [...password].length;
    if (password.length >= PASSWORD_LENGTH.min && length < PASSWORD_LENGTH.min)
      ctx.addIssue({ code: 'custom', message: 'passwordTooShort' });
    else if (length > PASSWORD_LENGTH.max) ctx.addIssue({ code: 'custom', message: 'passwordTooLong' });
  });

export const ZPasswordChange = z.object({ currentPassword: z.string().min(1).max(1024), newPassword: ZNewPassword });
export type TPasswordChange = z.infer<typeof ZPasswordChange>;

export const ZMandate = z
  .object({
    id: ZUuid,
    reference: z.string(),
    creditorId: z.string(),
    signedAt: ZInstant,
  })
  .meta({ id: 'SepaMandate' });

export const ZBankAccount = z
  .object({
    accountHolder: z.string(),
    ibanMasked: z.string().meta({ description: 'Country code, check digits and last four digits' }),
    bic: z.string().nullable(),
    mandate: ZMandate,
  })
  .meta({ id: 'BankAccount' });
export type TBankAccount = z.infer<typeof ZBankAccount>;

export const ZBankAccountUpdate = z.object({
  accountHolder: trimmedText(70).min(1),
  iban: z.string().max(50),
  bic: optionalText(20).optional(),
});
export type TBankAccountUpdate = z.input<typeof ZBankAccountUpdate>;

export const ZSession = z
  .object({
    id: ZUuid,
    device: z.string().meta({ description: 'Browser and system, derived from the user agent' }),
    userAgent: z.string().nullable(),
    ipAddress: z.string().nullable(),
    createdAt: ZInstant,
    lastSeenAt: ZInstant,
    current: z.boolean(),
  })
  .meta({ id: 'Session' });
export type TSession = z.infer<typeof ZSession>;

export const ZDeletionBlocker = z
  .object({
    kind: z.enum(['contract', 'invoice']),
    id: ZUuid,
    label: z.string().meta({ description: 'Product name or invoice number' }),
  })
  .meta({ id: 'DeletionBlocker' });
export type TDeletionBlocker = z.infer<typeof ZDeletionBlocker>;

export const ZDeletionBlocked = ZProblem.extend({ blockers: z.array(ZDeletionBlocker) });

/** What deletion would meet now: what stands in the way, and what is kept afterwards and how long. */
export const ZDeletionInfo = z
  .object({ blockers: z.array(ZDeletionBlocker), kept: z.array(ZRetainedCategory) })
  .meta({ id: 'DeletionInfo' });
export type TDeletionInfo = z.infer<typeof ZDeletionInfo>;

export const ZAccountDeletion = z.object({
  password: z.string().min(1).max(1024),
  /** The SPA's second confirmation; API consumers say it explicitly too. */
  confirm: z.literal(true, { error: 'confirmRequired' }),
});
export type TAccountDeletion = z.infer<typeof ZAccountDeletion>;

export const ZTokenBody = z.object({ token: z.string().min(1).max(200) });

export const accountRoutes = {
  getProfile: defineRoute({
    method: 'GET',
    operationId: 'getProfile',
    path: '/account/profile',
    summary: 'Customer data',
    tags: ['account'],
    access: 'user',
    permission: 'account:read',
    responses: {
      200: ZProfile,
      ...authProblems,
      403: ZProblem,
    },
  }),
  updateProfile: defineRoute({
    method: 'PUT',
    operationId: 'updateProfile',
    path: '/account/profile',
    summary: 'Change customer data; a new e-mail address is confirmed by a link sent to it',
    tags: ['account'],
    access: 'user',
    headers: ZIfMatchHeaders,
    permission: 'account:write',
    body: ZProfileUpdate,
    responses: { 200: ZProfile, ...authProblems, 403: ZProblem, 409: ZProblem, 412: ZProblem, 429: ZProblem },
  }),
  confirmEmail: defineRoute({
    method: 'POST',
    operationId: 'confirmEmailChange',
    path: '/account/email-confirmation',
    summary: 'Confirm a new e-mail address with the token from the link',
    tags: ['account'],
    access: 'public',
    body: ZTokenBody,
    responses: { 204: z.null(), ...commonProblems, 409: ZProblem, 429: ZProblem },
  }),
  changePassword: defineRoute({
    method: 'PUT',
    operationId: 'changePassword',
    path: '/account/password',
    summary: 'Change the password; every other session is revoked',
    tags: ['account'],
    access: 'user',
    permission: 'self',
    body: ZPasswordChange,
    responses: { 204: z.null(), ...authProblems, 403: ZProblem, 429: ZProblem },
  }),
  getBankAccount: defineRoute({
    method: 'GET',
    operationId: 'getBankAccount',
    path: '/account/bank-account',
    summary: 'Bank data and the active SEPA mandate; 404 while none is stored',
    tags: ['account'],
    access: 'user',
    permission: 'bank:read',
    responses: {
      200: ZBankAccount,
      ...authProblems,
      403: ZProblem,
      404: ZProblem,
    },
  }),
  updateBankAccount: defineRoute({
    method: 'PUT',
    operationId: 'updateBankAccount',
    path: '/account/bank-account',
    summary: 'Store bank data: issues a new SEPA mandate and revokes the previous one',
    tags: ['account'],
    access: 'user',
    headers: ZIfMatchHeaders,
    permission: 'bank:write',
    body: ZBankAccountUpdate,
    responses: { 200: ZBankAccount, ...authProblems, 403: ZProblem, 412: ZProblem, 429: ZProblem },
  }),
  mandatePdf: defineRoute({
    method: 'GET',
    operationId: 'downloadMandatePdf',
    path: '/account/mandates/:id/pdf',
    summary: 'A SEPA direct-debit mandate as PDF',
    tags: ['account'],
    access: 'user',
    permission: 'bank:read',
    params: ZIdParams,
    produces: 'application/pdf',
    responses: {
      ...authProblems,
      403: ZProblem,
      404: ZProblem,
      429: ZProblem,
      503: ZProblem,
    },
  }),
  listSessions: defineRoute({
    method: 'GET',
    operationId: 'listSessions',
    path: '/account/sessions',
    summary: 'Active sessions (all of them: a customer has few)',
    tags: ['account'],
    access: 'user',
    permission: 'self',
    responses: { 200: listOf(ZSession), ...authProblems, 403: ZProblem },
  }),
  endSession: defineRoute({
    method: 'DELETE',
    operationId: 'endSession',
    path: '/account/sessions/:id',
    summary: 'End one session',
    tags: ['account'],
    access: 'user',
    permission: 'self',
    params: ZIdParams,
    responses: { 204: z.null(), ...authProblems, 403: ZProblem, 404: ZProblem },
  }),
  exportData: defineRoute({
    method: 'GET',
    operationId: 'exportAccountData',
    path: '/account/export',
    summary: 'Everything the portal holds about the customer, as one JSON file (GDPR Art. 15/20)',
    tags: ['account'],
    access: 'user',
    permission: 'account:export',
    download: true,
    responses: {
      200: ZCustomerExport,
      ...authProblems,
      403: ZProblem,
      429: ZProblem,
    },
  }),
  deletionInfo: defineRoute({
    method: 'GET',
    operationId: 'getDeletionInfo',
    path: '/account/deletion',
    summary: 'What stands in the way of deleting the account, and which records are kept for how long',
    tags: ['account'],
    access: 'user',
    permission: 'account:delete',
    responses: {
      200: ZDeletionInfo,
      ...authProblems,
      403: ZProblem,
    },
  }),
  deleteAccount: defineRoute({
    method: 'DELETE',
    operationId: 'deleteAccount',
    path: '/account',
    summary: 'Delete the customer account; 409 with `blockers` while contracts or unpaid invoices stand',
    tags: ['account'],
    access: 'user',
    permission: 'account:delete',
    body: ZAccountDeletion,
    responses: { 204: z.null(), ...authProblems, 403: ZProblem, 409: ZDeletionBlocked, 429: ZProblem },
  }),
} as const;
