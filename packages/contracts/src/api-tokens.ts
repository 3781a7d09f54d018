import { z } from 'zod';
import { listOf, ZIdempotencyKeyHeaders, ZIdParams, ZInstant, ZUuid } from './common';
import { defineRoute } from './http';
import { permissions, type TPermission } from './permissions';
import { authProblems, ZProblem } from './problem';

/**
 * What a personal API token may be given (ADR 0023): the member permissions minus those a token
 * must never hold. Deleting the account, managing the team and managing integrations (webhooks,
 * tokens themselves) stay with a person signed in; `self` routes (password, second factors,
 * sessions) are never reachable by a token either.
 */
const neverForTokens = ['account:delete', 'team:manage', 'integrations:manage'] as const satisfies TPermission[];
export type TTokenScope = Exclude<TPermission, (typeof neverForTokens)[number]>;
export const tokenScopes = permissions.filter(
  (permission): permission is TTokenScope => !(neverForTokens as readonly string[]).includes(permission),
);
export const ZTokenScope = z.enum(tokenScopes as [TTokenScope, ...TTokenScope[]]).meta({ id: 'TokenScope' });

export function isTokenScope(permission: string): permission is TTokenScope {
  return (tokenScopes as readonly string[]).includes(permission);
}

/** The longest a token may live: a year, then its holder makes a new one. */
export const TOKEN_MAX_DAYS = 366;
/** Active (neither revoked nor expired) tokens one member may hold. */
export const TOKEN_MAX_ACTIVE = 20;

export const ZApiToken = z
  .object({
    id: ZUuid,
    name: z.string(),
    scopes: z.array(ZTokenScope),
    prefix: z.string().meta({ description: 'The first characters of the token (`pat_` and 6 more), to recognise it' }),
    createdAt: ZInstant,
    expiresAt: ZInstant,
    lastUsedAt: ZInstant.nullable().meta({ description: 'Updated at most once a minute' }),
  })
  .meta({ id: 'ApiToken' });
export type TApiToken = z.infer<typeof ZApiToken>;

export const ZApiTokenCreate = z
  .object({
    name: z.string().trim().min(1).max(80),
    scopes: z
      .array(ZTokenScope)
      .min(1)
      .max(tokenScopes.length)
      .refine((scopes) => new Set(scopes).size === scopes.length, { message: 'invalid' })
      .meta({ description: "Each at most once, and only what the member's role allows (else 400 naming `scopes`)" }),
    expiresAt: ZInstant.meta({
      description: `In the future and at most ${TOKEN_MAX_DAYS} days ahead (else 400 naming \`expiresAt\`)`,
    }),
  })
  .meta({
    example: { name: 'Buchhaltung (DATEV-Export)', scopes: ['invoices:read'], expiresAt: '2027-06-30T00:00:00Z' },
  });
export type TApiTokenCreate = z.input<typeof ZApiTokenCreate>;

export const ZApiTokenCreated = ZApiToken.extend({
  token: z.string().meta({
    description: 'The token (`pat_` + 43 characters), shown this once: send it as `Authorization: Bearer pat_…`',
  }),
}).meta({ id: 'ApiTokenCreated' });
export type TApiTokenCreated = z.infer<typeof ZApiTokenCreated>;

export const apiTokenRoutes = {
  list: defineRoute({
    method: 'GET',
    operationId: 'listApiTokens',
    path: '/account/tokens',
    summary:
      "The signed-in member's personal API tokens that are neither revoked nor expired (all of them: a member has few)",
    tags: ['account'],
    access: 'user',
    permission: 'self',
    responses: { 200: listOf(ZApiToken), ...authProblems, 403: ZProblem },
  }),
  create: defineRoute({
    method: 'POST',
    operationId: 'createApiToken',
    path: '/account/tokens',
    summary: 'Create a personal API token; the answer shows the token once',
    tags: ['account'],
    access: 'user',
    permission: 'self',
    headers: ZIdempotencyKeyHeaders,
    idempotent: true,
    body: ZApiTokenCreate,
    responses: { 201: ZApiTokenCreated, ...authProblems, 403: ZProblem, 409: ZProblem },
  }),
  revoke: defineRoute({
    method: 'DELETE',
    operationId: 'revokeApiToken',
    path: '/account/tokens/:id',
    summary: 'Revoke a token: from then on it answers 401 everywhere',
    tags: ['account'],
    access: 'user',
    permission: 'self',
    params: ZIdParams,
    responses: { 204: z.null(), ...authProblems, 403: ZProblem, 404: ZProblem },
  }),
};
