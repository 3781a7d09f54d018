import { z } from 'zod';
import { ZCustomerType, ZEmailInput, ZInstant, ZUuid } from './common';
import { defineRoute } from './http';
import { authProblems, commonProblems, ZProblem } from './problem';

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
    customerType: ZCustomerType.nullable().meta({
      description: 'Null for staff. Consumers see gross prices, businesses net plus VAT',
    }),
  })
  .meta({ id: 'Me' });
export type TMe = z.infer<typeof ZMe>;

export const ZLoginBody = z.object({
  email: ZEmailInput,
  password: z.string().min(1).max(1024),
  tokenDelivery: z.enum(['cookie', 'bearer']).default('cookie').meta({
    description:
      '`cookie` (browsers): the session is an HttpOnly cookie and the token never reaches script. `bearer` (API clients): the token is in the answer as `accessToken` and no cookie is set.',
  }),
});

export const ZLoginResponse = z.object({
  customer: ZMe,
  accessToken: z
    .string()
    .optional()
    .meta({ description: 'Only with `tokenDelivery: "bearer"`: JWT for `Authorization: Bearer`; names the session' }),
  expiresAt: ZInstant,
});
export type TLoginResponse = z.infer<typeof ZLoginResponse>;

export const authRoutes = {
  login: defineRoute({
    method: 'POST',
    operationId: 'login',
    path: '/auth/login',
    summary: 'Sign in with e-mail and password',
    tags: ['auth'],
    access: 'public',
    body: ZLoginBody,
    responses: { 200: ZLoginResponse, ...commonProblems, 401: ZProblem, 429: ZProblem },
  }),
  logout: defineRoute({
    method: 'POST',
    operationId: 'logout',
    path: '/auth/logout',
    summary: 'Sign out: revokes the current session',
    tags: ['auth'],
    access: 'user',
    responses: { 204: z.null(), ...authProblems, 403: ZProblem },
  }),
  me: defineRoute({
    method: 'GET',
    operationId: 'getMe',
    path: '/me',
    summary: 'The signed-in customer or staff member',
    tags: ['auth'],
    access: 'user',
    responses: { 200: ZMe, ...authProblems },
  }),
} as const;
