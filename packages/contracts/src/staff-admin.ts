import { z } from 'zod';
import { trimmedText } from './account';
import { listOf, ZEmailInput, ZIdParams, ZInstant, ZListQuery, ZMailLanguage, ZUuid } from './common';
import { defineRoute } from './http';
import { staffProblems, ZProblem } from './problem';
import { ZStaffRole } from './staff-permissions';

/** Back office, admins only: the provider's staff accounts and the audit log of their changes. */

export const ZStaffUser = z
  .object({
    id: ZUuid,
    email: z.string(),
    name: z.string(),
    staffRole: ZStaffRole,
    /** Set once deactivated: no sign-in, sessions ended. */
    deactivatedAt: ZInstant.nullable(),
    createdAt: ZInstant,
  })
  .meta({ id: 'StaffUser' });
export type TStaffUser = z.infer<typeof ZStaffUser>;

export const ZInviteStaffUserBody = z.object({
  email: ZEmailInput,
  name: trimmedText(200).min(1),
  staffRole: ZStaffRole,
  language: ZMailLanguage,
});

export const ZSetStaffRoleBody = z.object({ staffRole: ZStaffRole });

export const ZAuditEvent = z
  .object({
    id: ZUuid,
    occurredAt: ZInstant,
    staff: z.object({ id: ZUuid, name: z.string().nullable() }),
    action: z.string().meta({ description: 'The operationId of the route, e.g. `adminReplyToTicket`' }),
    subjectId: z.string().nullable(),
    customerId: ZUuid.nullable(),
    requestId: z.string().nullable(),
    before: z.record(z.string(), z.unknown()).nullable(),
    after: z.record(z.string(), z.unknown()).nullable(),
  })
  .meta({ id: 'AuditEvent' });
export type TAuditEvent = z.infer<typeof ZAuditEvent>;

export const ZAuditEventQuery = ZListQuery.extend({
  staffUserId: ZUuid.optional(),
  customerId: ZUuid.optional(),
});

export const staffAdminRoutes = {
  list: defineRoute({
    method: 'GET',
    operationId: 'listStaffUsers',
    path: '/admin/staff-users',
    summary: "The provider's staff accounts with their roles",
    tags: ['admin'],
    access: 'staff',
    staffPermission: 'staff',
    responses: { 200: z.object({ items: z.array(ZStaffUser) }), ...staffProblems },
  }),
  invite: defineRoute({
    method: 'POST',
    operationId: 'inviteStaffUser',
    path: '/admin/staff-users',
    summary: 'Invite a staff member: the e-mail carries a link to set a password',
    tags: ['admin'],
    access: 'staff',
    staffPermission: 'staff',
    body: ZInviteStaffUserBody,
    responses: { 201: ZStaffUser, ...staffProblems, 409: ZProblem },
  }),
  setRole: defineRoute({
    method: 'PUT',
    operationId: 'setStaffRole',
    path: '/admin/staff-users/:id/role',
    summary: "Change a staff member's role (not one's own)",
    tags: ['admin'],
    access: 'staff',
    staffPermission: 'staff',
    params: ZIdParams,
    body: ZSetStaffRoleBody,
    responses: { 200: ZStaffUser, ...staffProblems, 404: ZProblem, 409: ZProblem },
  }),
  deactivate: defineRoute({
    method: 'POST',
    operationId: 'deactivateStaffUser',
    path: '/admin/staff-users/:id/deactivation',
    summary: 'Deactivate a staff member (not oneself): no sign-in, every session ends',
    tags: ['admin'],
    access: 'staff',
    staffPermission: 'staff',
    params: ZIdParams,
    responses: { 200: ZStaffUser, ...staffProblems, 404: ZProblem, 409: ZProblem },
  }),
  auditLog: defineRoute({
    method: 'GET',
    operationId: 'listAuditEvents',
    path: '/admin/audit-events',
    summary: 'What staff changed, newest first; filter by staff member or customer',
    tags: ['admin'],
    access: 'staff',
    staffPermission: 'audit',
    query: ZAuditEventQuery,
    responses: { 200: listOf(ZAuditEvent), ...staffProblems },
  }),
} as const;
