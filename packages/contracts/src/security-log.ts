import { z } from 'zod';
import { listOf, ZInstant, ZListQuery, ZUuid } from './common';
import { defineRoute } from './http';
import { authProblems, ZProblem } from './problem';

/** What the security log records; the SPA names each in the customer's language. */
export const securityEventTypes = [
  'sign_in.succeeded',
  'sign_in.failed',
  'sign_in.second_factor_required',
  'sign_in.mfa_succeeded',
  'sign_in.mfa_failed',
  'sign_out',
  'session.ended',
  'password.changed',
  'password.reset',
  'mfa.totp_enabled',
  'mfa.totp_disabled',
  'mfa.recovery_code_used',
  'mfa.recovery_codes_regenerated',
  'passkey.added',
  'passkey.renamed',
  'passkey.removed',
  'api_token.created',
  'api_token.revoked',
  'team.member_invited',
  'team.member_role_changed',
  'team.member_removed',
  'team.mfa_requirement_changed',
  'email.change_requested',
  'email.changed',
  'bank_account.changed',
  'product.cancelled',
  'cancellation.declaration_received',
  'cancellation.declaration_linked',
  'cancellation.declaration_rejected',
  'cancellation.recorded',
  'account.deleted',
  'account.changed_by_provider',
  'access.denied',
] as const;
export const ZSecurityEventType = z.enum(securityEventTypes);
export type TSecurityEventType = z.infer<typeof ZSecurityEventType>;

export const ZSecurityEvent = z
  .object({
    id: ZUuid,
    type: ZSecurityEventType,
    occurredAt: ZInstant,
    requestId: z.string().nullable(),
    ipAddress: z.string().nullable(),
    userAgent: z.string().nullable(),
    details: z
      .record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))
      .meta({ description: 'Context without secrets, e.g. `{ "status": 403, "route": "…" }`' }),
  })
  .meta({ id: 'SecurityEvent' });
export type TSecurityEvent = z.infer<typeof ZSecurityEvent>;

export const securityLogRoutes = {
  list: defineRoute({
    method: 'GET',
    operationId: 'listSecurityEvents',
    path: '/account/security-events',
    summary: "The signed-in customer's security log: sign-ins, changes, refused requests; newest first",
    tags: ['account'],
    access: 'user',
    permission: 'self',
    query: ZListQuery,
    responses: { 200: listOf(ZSecurityEvent), ...authProblems, 403: ZProblem },
  }),
} as const;
