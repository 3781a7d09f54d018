import { INVITATION_HOURS, type TLanguage, type TMemberRole, type TTeamMember } from '@portal/contracts';
import type { Database, DbOrTx } from '../../db/client';
import type { UserRow } from '../../db/schema/index';
import { AppError } from '../../lib/app-error';
import { sendEmail } from '../../mail/mailer';
import { teamInvitation } from '../../mail/templates/team';
import type { AuthContext } from '../../plugins/auth';
import { resetPasswordLink } from '../account/account-links';
import { findOpenInvitation, issueAccountToken, revokeAccountTokens } from '../account/account-tokens.repository';
import { fieldMessages } from '../account/field-rules';
import { revokeAllTokensOf } from '../api-tokens/api-tokens.repository';
import { revokeAllSessions } from '../auth/sessions.repository';
import { findUserByEmail } from '../auth/users.repository';
import type { CustomerId } from '../customers/customer-id';
import { findMembershipOf, insertMember } from '../customers/customers.repository';
import { deleteSecondFactorsOf, hasConfirmedTotp } from '../mfa/second-factors.repository';
import { recordSecurityEvent } from '../security-log/security-log';
import {
  addMembership,
  countOwners,
  deleteMembership,
  disableUser,
  findMember,
  listMembers,
  lockTeam,
  reviveUser,
  setMemberRole,
  setMfaRequired,
} from './team.repository';

export interface TeamSettings {
  publicUrl: string;
  providerName: string;
  now: () => Date;
}

type MemberRow = { user: UserRow; role: TMemberRole; joinedAt: Date };

async function toTeamMember(db: DbOrTx, row: MemberRow, auth: AuthContext, now: Date): Promise<TTeamMember> {
  const invited = row.user.passwordHash === null;
  return {
    id: row.user.id,
    email: row.user.email,
    name: row.user.name,
    role: row.role,
    status: invited ? 'invited' : 'active',
    invitationExpiresAt: invited ? ((await findOpenInvitation(db, row.user.id, now))?.toISOString() ?? null) : null,
    you: row.user.id === auth.userId,
    joinedAt: row.joinedAt.toISOString(),
  };
}

export async function listTeam(db: Database, auth: AuthContext, now: Date) {
  const rows = await listMembers(db, auth.customerId);
  return Promise.all(rows.map((row) => toTeamMember(db, row, auth, now)));
}

async function sendInvitation(tx: DbOrTx, settings: TeamSettings, auth: AuthContext, user: UserRow, role: TMemberRole) {
  const token = await issueAccountToken(tx, { userId: user.id, purpose: 'invite', now: settings.now() });
  const account = auth.customer?.company ?? auth.customer?.name ?? '';
  await sendEmail(tx, {
    to: user.email,
    customerId: auth.customerId,
    language: user.language,
    template: teamInvitation,
    params: {
      name: user.name,
      inviterName: auth.user.name,
      account,
      customerNumber: auth.customer?.customerNumber ?? '',
      providerName: settings.providerName,
      role,
      validHours: INVITATION_HOURS,
      link: resetPasswordLink(settings.publicUrl, token, true),
    },
  });
}

/**
 * The owner invites someone by address: a user without a password becomes a member in the given
 * role, and the invitation link sets the password. An address in use elsewhere is 409; one whose
 * earlier membership ended is taken back.
 */
export async function inviteMember(
  db: Database,
  settings: TeamSettings,
  auth: AuthContext,
  input: { email: string; name: string; role: TMemberRole; language?: TLanguage | undefined },
) {
  return db.transaction(async (tx) => {
    await lockTeam(tx, auth.customerId);
    const now = settings.now();
    const existing = await findUserByEmail(tx, input.email);
    // Omitted: the invitation goes out in the language of the member who invites.
    const language = input.language ?? auth.user.language;
    let user: UserRow;
    if (!existing) {
      user = await insertMember(
        tx,
        auth.customerId,
        { email: input.email, passwordHash: null, name: input.name, language },
        input.role,
      );
    } else if (existing.role === 'customer' && existing.disabledAt && !(await findMembershipOf(tx, existing.id))) {
      await reviveUser(tx, existing.id, input.name, language);
      await addMembership(tx, auth.customerId, existing.id, input.role, now);
      user = { ...existing, name: input.name, language, disabledAt: null, passwordHash: null };
    } else {
      throw new AppError('conflict', 'Another account uses this e-mail address.', {
        errors: [{ path: 'email', message: fieldMessages.emailInUse }],
      });
    }
    await sendInvitation(tx, settings, auth, user, input.role);
    await recordSecurityEvent(tx, {
      origin: auth.origin,
      type: 'team.member_invited',
      userId: auth.userId,
      details: { memberId: user.id, email: user.email, role: input.role },
    });
    const row = await findMember(tx, auth.customerId, user.id);
    if (!row) throw new Error('the invited member is missing');
    return toTeamMember(tx, row, auth, now);
  });
}

/** A member of this account, or 404 for anyone else's. */
async function memberOf(tx: DbOrTx, customerId: CustomerId, userId: string) {
  const row = await findMember(tx, customerId, userId);
  if (!row) throw AppError.notFound('member');
  return row;
}

const lastOwner = () =>
  new AppError('conflict', 'The account must keep at least one owner: make another member owner first.', {
    reason: 'last_owner',
  });

export async function changeMemberRole(
  db: Database,
  settings: TeamSettings,
  auth: AuthContext,
  userId: string,
  role: TMemberRole,
) {
  return db.transaction(async (tx) => {
    await lockTeam(tx, auth.customerId);
    const row = await memberOf(tx, auth.customerId, userId);
    if (row.role === 'owner' && role !== 'owner' && (await countOwners(tx, auth.customerId)) <= 1) throw lastOwner();
    if (row.role !== role) {
      await setMemberRole(tx, auth.customerId, userId, role);
      const details = { memberId: userId, email: row.user.email, from: row.role, to: role };
      await recordSecurityEvent(tx, {
        origin: auth.origin,
        type: 'team.member_role_changed',
        userId: auth.userId,
        details,
      });
      if (userId !== auth.userId)
        await recordSecurityEvent(tx, { origin: auth.origin, type: 'team.member_role_changed', userId, details });
    }
    return toTeamMember(tx, { ...row, role }, auth, settings.now());
  });
}

export async function resendInvitation(db: Database, settings: TeamSettings, auth: AuthContext, userId: string) {
  return db.transaction(async (tx) => {
    const row = await memberOf(tx, auth.customerId, userId);
    if (row.user.passwordHash !== null) {
      throw new AppError('conflict', 'This member has already accepted the invitation.', { reason: 'already_member' });
    }
    await sendInvitation(tx, settings, auth, row.user, row.role);
    return toTeamMember(tx, row, auth, settings.now());
  });
}

/**
 * Removes a member: the membership goes, the user is disabled (their entries in the logs keep
 * naming them), their sessions, links, tokens and second factors end at once.
 */
export async function removeMember(db: Database, settings: TeamSettings, auth: AuthContext, userId: string) {
  await db.transaction(async (tx) => {
    await lockTeam(tx, auth.customerId);
    const row = await memberOf(tx, auth.customerId, userId);
    if (row.role === 'owner' && (await countOwners(tx, auth.customerId)) <= 1) throw lastOwner();
    const now = settings.now();
    await deleteMembership(tx, auth.customerId, userId);
    await disableUser(tx, userId, now);
    await revokeAllSessions(tx, userId);
    await revokeAccountTokens(tx, userId, ['password_reset', 'welcome', 'invite', 'email_change'], now);
    // Nothing of the membership comes back with a later invitation of the same address: its
    // tokens stay revoked, and its authenticator app and passkeys (perhaps on a former
    // colleague's device) are gone.
    await revokeAllTokensOf(tx, userId, now);
    await deleteSecondFactorsOf(tx, [userId]);
    await recordSecurityEvent(tx, {
      origin: auth.origin,
      type: 'team.member_removed',
      userId: auth.userId,
      details: { memberId: userId, email: row.user.email, role: row.role },
    });
  });
}

/**
 * The owners require every member to sign in with an authenticator app (GitHub's organisation
 * rule). The owner turning it on must have one, so nobody locks the account out of its own
 * settings; members without one reach only their security settings until they set one up.
 */
export async function setMfaRequirement(db: Database, settings: TeamSettings, auth: AuthContext, required: boolean) {
  if (required && !(await hasConfirmedTotp(db, auth.userId))) {
    throw new AppError('conflict', 'Set up an authenticator app of your own before requiring one of every member.', {
      reason: 'own_second_factor_missing',
    });
  }
  await db.transaction(async (tx) => {
    await lockTeam(tx, auth.customerId);
    await setMfaRequired(tx, auth.customerId, required, settings.now());
    await recordSecurityEvent(tx, {
      origin: auth.origin,
      type: 'team.mfa_requirement_changed',
      userId: auth.userId,
      details: { mfaRequired: required },
    });
  });
  return { mfaRequired: required };
}
