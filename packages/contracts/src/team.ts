import { z } from 'zod';
import { listOf, ZEmailInput, ZIdempotencyKeyHeaders, ZIdParams, ZInstant, ZLanguage, ZUuid } from './common';
import { defineRoute } from './http';
import { ZMemberRole } from './permissions';
import { authProblems, ZProblem } from './problem';

/** How long an invitation link works. */
export const INVITATION_HOURS = 72;

export const ZTeamMember = z
  .object({
    id: ZUuid.meta({ description: 'The user id of the member' }),
    email: z.string(),
    name: z.string(),
    role: ZMemberRole,
    status: z.enum(['active', 'invited']).meta({
      description: '`invited`: the member has not yet set a password through the invitation link',
    }),
    invitationExpiresAt: ZInstant.nullable().meta({ description: 'While invited: when the link stops working' }),
    you: z.boolean().meta({ description: 'Whether this is the signed-in member' }),
    joinedAt: ZInstant,
  })
  .meta({ id: 'TeamMember' });
export type TTeamMember = z.infer<typeof ZTeamMember>;

export const ZTeamInvite = z
  .object({
    email: ZEmailInput,
    name: z.string().trim().min(1).max(200),
    role: ZMemberRole,
    language: ZLanguage.optional().meta({
      description: "The language of the invitation and of later e-mails to the member; omitted: the inviting member's",
    }),
  })
  .meta({ example: { email: 'buchhaltung@example.com', name: 'Berta Buchhaltung', role: 'billing', language: 'de' } });
export type TTeamInvite = z.input<typeof ZTeamInvite>;

export const ZTeamRoleChange = z
  .object({ role: ZMemberRole })
  .meta({ description: 'An account keeps at least one owner (else 409)', example: { role: 'readonly' } });

export const ZMfaRequirement = z.object({ mfaRequired: z.boolean() }).meta({
  id: 'MfaRequirement',
  description:
    'Whether every member must sign in with an authenticator app; to turn it on, the owner must have one set up (else 409)',
  example: { mfaRequired: true },
});

export const teamRoutes = {
  list: defineRoute({
    method: 'GET',
    operationId: 'listTeamMembers',
    path: '/account/team',
    summary: 'The members of the customer account, owners first (all of them: a team is small)',
    tags: ['account'],
    access: 'user',
    permission: 'account:read',
    responses: { 200: listOf(ZTeamMember), ...authProblems, 403: ZProblem },
  }),
  invite: defineRoute({
    method: 'POST',
    operationId: 'inviteTeamMember',
    path: '/account/team',
    summary: `Invite a member by e-mail: a link to set a password, valid ${INVITATION_HOURS} hours and once`,
    tags: ['account'],
    access: 'user',
    permission: 'team:manage',
    headers: ZIdempotencyKeyHeaders,
    idempotent: true,
    body: ZTeamInvite,
    responses: { 201: ZTeamMember, ...authProblems, 403: ZProblem, 409: ZProblem },
  }),
  changeRole: defineRoute({
    method: 'PATCH',
    operationId: 'changeTeamMemberRole',
    path: '/account/team/:id',
    summary: "Change a member's role; the last owner cannot be demoted (409)",
    tags: ['account'],
    access: 'user',
    permission: 'team:manage',
    params: ZIdParams,
    body: ZTeamRoleChange,
    responses: { 200: ZTeamMember, ...authProblems, 403: ZProblem, 404: ZProblem, 409: ZProblem },
  }),
  resendInvitation: defineRoute({
    method: 'POST',
    operationId: 'resendTeamInvitation',
    path: '/account/team/:id/invitation',
    summary: 'Send an invited member a new link (the earlier one stops working)',
    tags: ['account'],
    access: 'user',
    permission: 'team:manage',
    params: ZIdParams,
    responses: { 200: ZTeamMember, ...authProblems, 403: ZProblem, 404: ZProblem, 409: ZProblem },
  }),
  setMfaRequirement: defineRoute({
    method: 'PUT',
    operationId: 'setTeamMfaRequirement',
    path: '/account/team/mfa-requirement',
    summary:
      'Require every member to use an authenticator app: members without one reach only their own security settings until they set it up',
    tags: ['account'],
    access: 'user',
    permission: 'team:manage',
    body: ZMfaRequirement,
    responses: { 200: ZMfaRequirement, ...authProblems, 403: ZProblem, 409: ZProblem },
  }),
  remove: defineRoute({
    method: 'DELETE',
    operationId: 'removeTeamMember',
    path: '/account/team/:id',
    summary: 'Remove a member: their sign-ins, sessions and tokens end at once; the last owner stays (409)',
    tags: ['account'],
    access: 'user',
    permission: 'team:manage',
    params: ZIdParams,
    responses: { 204: z.null(), ...authProblems, 403: ZProblem, 404: ZProblem, 409: ZProblem },
  }),
};
