import { z } from 'zod';
import { ZCustomerType, ZEmailInput, ZInstant, ZLanguage, ZUuid } from './common';
import { defineRoute } from './http';
import { ZMemberRole, ZPermission } from './permissions';
import { authProblems, commonProblems, ZProblem } from './problem';
import { ZStaffRole } from './staff-permissions';
import { ZAuthenticationCredential, ZAuthenticationOptions } from './webauthn';

export const ZRole = z.enum(['customer', 'staff']);
export type TRole = z.infer<typeof ZRole>;

export const ZMe = z
  .object({
    id: ZUuid,
    customerNumber: z.string().nullable().meta({ description: 'Null for staff accounts' }),
    email: z.email(),
    name: z.string(),
    company: z.string().nullable(),
    role: ZRole,
    staffRole: ZStaffRole.nullable().meta({
      description: 'Staff only: what the back office lets them do; null for customers',
    }),
    customerType: ZCustomerType.nullable().meta({
      description: 'Null for staff. Consumers see gross prices, businesses net plus VAT',
    }),
    customerId: ZUuid.nullable().meta({ description: 'The customer account the user acts for; null for staff' }),
    memberRole: ZMemberRole.nullable().meta({ description: 'The role in the customer account; null for staff' }),
    permissions: z.array(ZPermission).meta({ description: 'What the member may do; empty for staff' }),
    mfaRequired: z.boolean().meta({
      description: "Whether the customer account's owners require every member to use an authenticator app",
    }),
    language: ZLanguage.meta({
      description: "The user's language: the SPA starts in it, and e-mails to the user go out in it",
    }),
    secondFactorSetupRequired: z.boolean().meta({
      description:
        'The account requires an authenticator app and this member has none yet: until it is set up, only the routes about the signed-in user answer (others 403 `second_factor_required`)',
    }),
  })
  .meta({ id: 'Me' });
export type TMe = z.infer<typeof ZMe>;

const ZTokenDelivery = z.enum(['cookie', 'bearer']).meta({
  description:
    '`cookie` (browsers): the session is an HttpOnly cookie and the token never reaches script. `bearer` (API clients): the token is in the answer as `accessToken` and no cookie is set.',
});

export const ZLanguageChange = z
  .object({ language: ZLanguage })
  .meta({ id: 'LanguageChange', example: { language: 'en' } });
export type TLanguageChange = z.infer<typeof ZLanguageChange>;

export const ZLoginBody = z.object({
  email: ZEmailInput,
  password: z.string().min(1).max(1024),
  tokenDelivery: ZTokenDelivery.default('cookie'),
});

/** Signed in: a session exists (the usual answer of every sign-in route). */
export const ZSignedIn = z
  .object({
    customer: ZMe,
    accessToken: z
      .string()
      .optional()
      .meta({ description: 'Only with `tokenDelivery: "bearer"`: JWT for `Authorization: Bearer`; names the session' }),
    expiresAt: ZInstant,
  })
  .meta({ id: 'SignedIn' });
export type TSignedIn = z.infer<typeof ZSignedIn>;

export const secondFactorMethods = ['totp', 'recovery_code', 'passkey'] as const;
export const ZSecondFactorMethod = z.enum(secondFactorMethods);
export type TSecondFactorMethod = z.infer<typeof ZSecondFactorMethod>;

/** The password was right, and the account has a second factor: no session, no token, no cookie yet. */
export const ZSecondFactorRequired = z
  .object({
    mfaRequired: z.literal(true),
    challengeToken: z.string().meta({
      description:
        'Single-use, valid for 5 minutes: send it to `POST /auth/mfa` with a code (or to `/auth/mfa/passkey`). A wrong code leaves it usable until it expires.',
    }),
    expiresAt: ZInstant,
    methods: z.array(ZSecondFactorMethod).meta({ description: 'The second factors this account can answer with' }),
  })
  .meta({ id: 'SecondFactorRequired' });
export type TSecondFactorRequired = z.infer<typeof ZSecondFactorRequired>;

export const ZLoginResponse = z.union([ZSignedIn, ZSecondFactorRequired]);
export type TLoginResponse = z.infer<typeof ZLoginResponse>;

const ZChallengeToken = z.string().min(1).max(200);
const ZOptionalDelivery = ZTokenDelivery.optional().meta({
  description: 'How to hand out the session; default: what the sign-in asked for',
});

export const ZSecondFactorBody = z.object({
  challengeToken: ZChallengeToken,
  code: z.string().trim().min(1).max(64).meta({
    description: 'The 6-digit code of the authenticator app, or one of the recovery codes (each works once)',
  }),
  tokenDelivery: ZOptionalDelivery,
});

export const ZPasskeyOptionsAnswer = z.object({ options: ZAuthenticationOptions });

export const ZSecondFactorPasskeyBody = z.object({
  challengeToken: ZChallengeToken,
  credential: ZAuthenticationCredential,
  tokenDelivery: ZOptionalDelivery,
});

export const ZPasskeySignInBody = z.object({
  credential: ZAuthenticationCredential,
  tokenDelivery: ZTokenDelivery.default('cookie'),
});

export const authRoutes = {
  login: defineRoute({
    method: 'POST',
    operationId: 'login',
    path: '/auth/login',
    summary: 'Sign in with e-mail and password; with a second factor enrolled, the answer asks for it',
    tags: ['auth'],
    access: 'public',
    body: ZLoginBody,
    responses: { 200: ZLoginResponse, ...commonProblems, 401: ZProblem, 429: ZProblem },
  }),
  completeSecondFactor: defineRoute({
    method: 'POST',
    operationId: 'completeSecondFactor',
    path: '/auth/mfa',
    summary: 'Second sign-in step: a code of the authenticator app or a recovery code',
    tags: ['auth'],
    access: 'public',
    body: ZSecondFactorBody,
    responses: { 200: ZSignedIn, ...commonProblems, 401: ZProblem, 429: ZProblem },
  }),
  startSecondFactorPasskey: defineRoute({
    method: 'POST',
    operationId: 'startSecondFactorPasskey',
    path: '/auth/mfa/passkey/options',
    summary: 'Second sign-in step with a passkey: the options for navigator.credentials.get()',
    tags: ['auth'],
    access: 'public',
    body: z.object({ challengeToken: ZChallengeToken }),
    responses: { 200: ZPasskeyOptionsAnswer, ...commonProblems, 401: ZProblem, 409: ZProblem, 429: ZProblem },
  }),
  completeSecondFactorPasskey: defineRoute({
    method: 'POST',
    operationId: 'completeSecondFactorPasskey',
    path: '/auth/mfa/passkey',
    summary: 'Second sign-in step with a passkey: the answer of the authenticator',
    tags: ['auth'],
    access: 'public',
    body: ZSecondFactorPasskeyBody,
    responses: { 200: ZSignedIn, ...commonProblems, 401: ZProblem, 429: ZProblem },
  }),
  startPasskeySignIn: defineRoute({
    method: 'POST',
    operationId: 'startPasskeySignIn',
    path: '/auth/passkey/options',
    summary: 'Sign in with a passkey alone: the options for navigator.credentials.get() (single-use, 5 minutes)',
    tags: ['auth'],
    access: 'public',
    responses: { 200: ZPasskeyOptionsAnswer, ...commonProblems, 429: ZProblem },
  }),
  signInWithPasskey: defineRoute({
    method: 'POST',
    operationId: 'signInWithPasskey',
    path: '/auth/passkey',
    summary: 'Sign in with a passkey alone (a discoverable credential with user verification)',
    tags: ['auth'],
    access: 'public',
    body: ZPasskeySignInBody,
    responses: { 200: ZSignedIn, ...commonProblems, 401: ZProblem, 429: ZProblem },
  }),
  logout: defineRoute({
    method: 'POST',
    operationId: 'logout',
    path: '/auth/logout',
    summary: 'Sign out: revokes the current session',
    tags: ['auth'],
    access: 'user',
    permission: 'self',
    responses: { 204: z.null(), ...authProblems, 403: ZProblem },
  }),
  me: defineRoute({
    method: 'GET',
    operationId: 'getMe',
    path: '/me',
    summary: 'The signed-in customer or staff member',
    tags: ['auth'],
    access: 'user',
    permission: 'self',
    responses: { 200: ZMe, ...authProblems, 403: ZProblem },
  }),
  setMyLanguage: defineRoute({
    method: 'PUT',
    operationId: 'setMyLanguage',
    path: '/me/language',
    summary: "Set the signed-in user's language: the portal starts in it and e-mails to the user go out in it",
    tags: ['auth'],
    access: 'user',
    permission: 'self',
    body: ZLanguageChange,
    responses: { 204: z.null(), ...authProblems, 403: ZProblem },
  }),
} as const;
