import { z } from 'zod';
import { listOf, ZIdParams, ZInstant, ZListQuery, ZUuid } from './common';
import { defineRoute } from './http';
import { authProblems, staffProblems, ZProblem } from './problem';

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

/**
 * An entry of a customer account's security log as the back office reads it: with the member whose
 * log holds it. For `account.changed_by_provider` that member is an owner told of a change the
 * provider's team made; the entry carries no address or browser of the staff member.
 */
export const ZAdminSecurityEvent = ZSecurityEvent.extend({
  user: z.object({ id: ZUuid, name: z.string(), email: z.string() }),
}).meta({ id: 'AdminSecurityEvent' });
export type TAdminSecurityEvent = z.infer<typeof ZAdminSecurityEvent>;

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

export const adminSecurityLogRoutes = {
  listForCustomer: defineRoute({
    method: 'GET',
    operationId: 'listCustomerSecurityEvents',
    path: '/admin/customers/:id/security-log',
    summary: 'The security log of every member of a customer account (owners and members); newest first',
    tags: ['admin'],
    access: 'staff',
    staffPermission: 'customers.read',
    params: ZIdParams,
    query: ZListQuery,
    responses: { 200: listOf(ZAdminSecurityEvent), ...staffProblems, 404: ZProblem },
  }),
} as const;
