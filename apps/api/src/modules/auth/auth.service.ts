import { rolePermissions, type TMe, type TMemberRole } from '@portal/contracts';
import type { DbOrTx } from '../../db/client';
import type { CustomerRow, UserRow } from '../../db/schema/index';
import { AppError } from '../../lib/app-error';
import { verifyPassword } from '../../lib/password';
import { createSignInChallenge } from '../mfa/challenges.repository';
import { hasConfirmedTotp, secondFactorMethodsOf } from '../mfa/second-factors.repository';
import { type RequestOrigin, recordRefusal, recordSecurityEvent } from '../security-log/security-log';
import { insertSession } from './sessions.repository';
import { findUserByEmail } from './users.repository';

/**
 * Whether an authenticator app is required of this user and not set up yet — by the customer
 * account's owners, or for staff by configuration (`STAFF_SECOND_FACTOR`) — so that only the
 * routes about the signed-in user answer. Passkeys alone do not count, because a password
 * sign-in asks for a second step only once TOTP is on (second-factors.repository.ts). One query,
 * and only where it is required.
 */
export async function secondFactorSetupRequired(
  db: DbOrTx,
  user: Pick<UserRow, 'id' | 'role'>,
  customer: CustomerRow | null,
  staffRequired: boolean,
) {
  const required = user.role === 'staff' ? staffRequired : Boolean(customer?.mfaRequired);
  return required && !(await hasConfirmedTotp(db, user.id));
}

/** The signed-in user with the customer account they act for (none for staff). */
export function toMe(
  user: Omit<UserRow, 'passwordHash'>,
  customer: CustomerRow | null,
  memberRole: TMemberRole | null,
  secondFactorSetupRequired: boolean,
): TMe {
  return {
    id: user.id,
    customerNumber: customer?.customerNumber ?? null,
    email: user.email,
    name: user.name,
    company: customer?.company ?? null,
    role: user.role,
    staffRole: user.staffRole,
    customerType: customer?.customerType ?? null,
    customerId: customer?.id ?? null,
    memberRole: customer ? memberRole : null,
    permissions: customer && memberRole ? [...rolePermissions[memberRole]] : [],
    mfaRequired: customer?.mfaRequired ?? false,
    language: user.language,
    secondFactorSetupRequired,
  };
}

/** Where a sign-in comes from, and how long its session may live. */
export interface SignInMeta {
  userAgent: string | null;
  ipAddress: string | null;
  sessionTtlHours: number;
  /** The sign-in's request, for its security-log entries. */
  origin: RequestOrigin;
}

export interface SignInInput extends SignInMeta {
  email: string;
  password: string;
  tokenDelivery: 'cookie' | 'bearer';
  now: Date;
}

/** Opens a session for a user whose every factor has been checked. */
export function openSession(db: DbOrTx, userId: string, meta: SignInMeta, now = new Date()) {
  return insertSession(db, {
    userId,
    expiresAt: new Date(now.getTime() + meta.sessionTtlHours * 3_600_000),
    userAgent: meta.userAgent?.slice(0, 500) ?? null,
    ipAddress: meta.ipAddress,
  });
}

/**
 * Checks the credentials. Unknown e-mail, wrong password, a disabled account and an account
 * without a password all fail the same way and take the same time. Then either a session opens,
 * or — with a second factor enrolled — the second step does, and nothing else (no session, token
 * or cookie) exists until it is completed.
 */
export async function signIn(db: DbOrTx, input: SignInInput) {
  const user = await findUserByEmail(db, input.email);
  const usable = user && !user.disabledAt ? user : undefined;
  const valid = await verifyPassword(usable?.passwordHash, input.password);
  if (!usable || !valid) {
    const reason = !user ? 'unknown_email' : user.disabledAt ? 'disabled' : 'wrong_password';
    await recordRefusal(db, {
      type: 'sign_in.failed',
      userId: user?.id ?? null,
      origin: input.origin,
      details: { reason },
    });
    throw new AppError('unauthenticated', 'E-mail address or password is wrong.');
  }

  const methods = await secondFactorMethodsOf(db, usable.id);
  if (methods.length > 0) {
    const challenge = await createSignInChallenge(
      db,
      { userId: usable.id, tokenDelivery: input.tokenDelivery, userAgent: input.userAgent, ipAddress: input.ipAddress },
      input.now,
    );
    await recordSecurityEvent(db, { type: 'sign_in.second_factor_required', userId: usable.id, origin: input.origin });
    return { kind: 'second_factor' as const, user: usable, challenge, methods };
  }
  const session = await openSession(db, usable.id, input);
  await recordSecurityEvent(db, { type: 'sign_in.succeeded', userId: usable.id, origin: input.origin });
  return { kind: 'session' as const, user: usable, session };
}
