import { z } from 'zod';
import { listOf, ZIdParams, ZInstant, ZUuid } from './common';
import { defineRoute } from './http';
import { authProblems, ZProblem } from './problem';
import { ZRegistrationCredential, ZRegistrationOptions } from './webauthn';

/**
 * The field messages of the second-factor routes: fixed English sentences that the SPA translates
 * by their text (like `accountFieldMessages`).
 */
export const mfaFieldMessages = {
  codeWrong: 'is wrong or was already used',
  passwordWrong: 'is wrong',
  passkeyNotVerified: 'could not be verified; please try again',
  passkeyKnown: 'is already registered',
} as const;
export type TMfaFieldMessage = (typeof mfaFieldMessages)[keyof typeof mfaFieldMessages];

/** The signed-in user's second factors, as the security page shows them. */
export const ZSecondFactors = z
  .object({
    totp: z.object({
      enabled: z.boolean(),
      enabledAt: ZInstant.nullable(),
    }),
    recoveryCodes: z.object({
      remaining: z.number().int().meta({ description: 'Unused recovery codes (0 without TOTP)' }),
      generatedAt: ZInstant.nullable(),
    }),
    passkeys: z.number().int().meta({ description: 'How many passkeys are registered' }),
  })
  .meta({ id: 'SecondFactors' });
export type TSecondFactors = z.infer<typeof ZSecondFactors>;

export const ZTotpEnrolment = z
  .object({
    secret: z.string().meta({ description: 'Base32, for typing into the app by hand' }),
    otpauthUrl: z.string().meta({ description: '`otpauth://totp/…` (RFC 6238: SHA-1, 6 digits, 30 s)' }),
    qrCodeSvg: z.string().meta({ description: 'The otpauth URL as a QR code (SVG document)' }),
  })
  .meta({ id: 'TotpEnrolment' });
export type TTotpEnrolment = z.infer<typeof ZTotpEnrolment>;

export const ZRecoveryCodes = z
  .object({
    recoveryCodes: z
      .array(z.string())
      .length(10)
      .meta({ description: 'Shown this once; each signs in once instead of a code. Stored only hashed.' }),
  })
  .meta({ id: 'RecoveryCodes' });
export type TRecoveryCodes = z.infer<typeof ZRecoveryCodes>;

const ZCode = z.string().trim().min(1).max(64);
const ZPassword = z.string().min(1).max(1024);

export const ZPasskey = z
  .object({
    id: ZUuid,
    name: z.string(),
    createdAt: ZInstant,
    lastUsedAt: ZInstant.nullable(),
    backedUp: z.boolean().meta({ description: 'Synced by a password manager or platform (multi-device)' }),
  })
  .meta({ id: 'Passkey' });
export type TPasskey = z.infer<typeof ZPasskey>;

export const ZPasskeyName = z.string().trim().min(1).max(60);

const writeProblems = { ...authProblems, 403: ZProblem } as const;

export const mfaRoutes = {
  getSecondFactors: defineRoute({
    method: 'GET',
    operationId: 'getSecondFactors',
    path: '/account/mfa',
    summary: "The signed-in user's second factors: TOTP, recovery codes left, passkeys",
    tags: ['account'],
    access: 'user',
    permission: 'self',
    responses: { 200: ZSecondFactors, ...authProblems, 403: ZProblem },
  }),
  startTotpEnrolment: defineRoute({
    method: 'POST',
    operationId: 'startTotpEnrolment',
    path: '/account/mfa/totp',
    summary: 'Start setting up an authenticator app: a new secret (replaces an unconfirmed one)',
    tags: ['account'],
    access: 'user',
    permission: 'self',
    responses: { 201: ZTotpEnrolment, ...writeProblems, 409: ZProblem },
  }),
  confirmTotpEnrolment: defineRoute({
    method: 'POST',
    operationId: 'confirmTotpEnrolment',
    path: '/account/mfa/totp/confirm',
    summary: 'Confirm the authenticator app with a code: TOTP is on, ten recovery codes are answered once',
    tags: ['account'],
    access: 'user',
    permission: 'self',
    body: z.object({ code: ZCode }),
    responses: { 200: ZRecoveryCodes, ...writeProblems, 409: ZProblem, 429: ZProblem },
  }),
  disableTotp: defineRoute({
    method: 'POST',
    operationId: 'disableTotp',
    path: '/account/mfa/totp/disable',
    summary: 'Turn TOTP off with the password and a code (or a recovery code); the recovery codes go too',
    tags: ['account'],
    access: 'user',
    permission: 'self',
    body: z.object({ password: ZPassword, code: ZCode }),
    responses: { 204: z.null(), ...writeProblems, 409: ZProblem, 429: ZProblem },
  }),
  regenerateRecoveryCodes: defineRoute({
    method: 'POST',
    operationId: 'regenerateRecoveryCodes',
    path: '/account/mfa/recovery-codes',
    summary: 'Ten new recovery codes with the password; the old ones stop working',
    tags: ['account'],
    access: 'user',
    permission: 'self',
    body: z.object({ password: ZPassword }),
    responses: { 200: ZRecoveryCodes, ...writeProblems, 409: ZProblem, 429: ZProblem },
  }),
  listPasskeys: defineRoute({
    method: 'GET',
    operationId: 'listPasskeys',
    path: '/account/passkeys',
    summary: "The signed-in user's passkeys, oldest first",
    tags: ['account'],
    access: 'user',
    permission: 'self',
    responses: { 200: listOf(ZPasskey), ...authProblems, 403: ZProblem },
  }),
  startPasskeyRegistration: defineRoute({
    method: 'POST',
    operationId: 'startPasskeyRegistration',
    path: '/account/passkeys/options',
    summary: 'Start adding a passkey (needs the password): options for navigator.credentials.create()',
    tags: ['account'],
    access: 'user',
    permission: 'self',
    body: z.object({ password: ZPassword }),
    responses: { 200: z.object({ options: ZRegistrationOptions }), ...writeProblems, 429: ZProblem },
  }),
  registerPasskey: defineRoute({
    method: 'POST',
    operationId: 'registerPasskey',
    path: '/account/passkeys',
    summary: 'Finish adding a passkey with the answer of the authenticator',
    tags: ['account'],
    access: 'user',
    permission: 'self',
    body: z.object({ name: ZPasskeyName, credential: ZRegistrationCredential }),
    responses: { 201: ZPasskey, ...writeProblems, 409: ZProblem, 429: ZProblem },
  }),
  renamePasskey: defineRoute({
    method: 'PATCH',
    operationId: 'renamePasskey',
    path: '/account/passkeys/:id',
    summary: 'Rename a passkey',
    tags: ['account'],
    access: 'user',
    permission: 'self',
    params: ZIdParams,
    body: z.object({ name: ZPasskeyName }),
    responses: { 200: ZPasskey, ...writeProblems, 404: ZProblem },
  }),
  deletePasskey: defineRoute({
    method: 'DELETE',
    operationId: 'deletePasskey',
    path: '/account/passkeys/:id',
    summary: 'Remove a passkey: it no longer signs in',
    tags: ['account'],
    access: 'user',
    permission: 'self',
    params: ZIdParams,
    responses: { 204: z.null(), ...writeProblems, 404: ZProblem },
  }),
} as const;
