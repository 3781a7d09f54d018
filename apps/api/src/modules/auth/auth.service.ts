import type { TMe } from '@portal/contracts';
import type { DbOrTx } from '../../db/client';
import type { UserRow } from '../../db/schema/index';
import { AppError } from '../../lib/app-error';
import { verifyPassword } from '../../lib/password';
import { recordSecurityEvent } from '../security-log/security-log';
import { insertSession } from './sessions.repository';
import { findUserByEmail } from './users.repository';

export function toMe(user: UserRow): TMe {
  return {
    id: user.id,
    customerNumber: user.customerNumber,
    email: user.email,
    name: user.name,
    company: user.company,
    role: user.role,
    customerType: user.customerType,
  };
}

export interface SignInInput {
  email: string;
  password: string;
  userAgent: string | null;
  ipAddress: string | null;
  sessionTtlHours: number;
}

/**
 * Checks the credentials and opens a session. Unknown e-mail, wrong password, a disabled account
 * and an account without a password all fail the same way and take the same time.
 */
export async function signIn(db: DbOrTx, input: SignInInput) {
  const user = await findUserByEmail(db, input.email);
  const usable = user && !user.disabledAt ? user : undefined;
  const valid = await verifyPassword(usable?.passwordHash, input.password);
  if (!usable || !valid) {
    const reason = !user ? 'unknown_email' : user.disabledAt ? 'disabled' : 'wrong_password';
    await recordSecurityEvent(db, { type: 'sign_in.failed', userId: user?.id ?? null, details: { reason } });
    throw new AppError('unauthenticated', 'E-mail address or password is wrong.');
  }

  const session = await insertSession(db, {
    userId: usable.id,
    expiresAt: new Date(Date.now() + input.sessionTtlHours * 3_600_000),
    userAgent: input.userAgent?.slice(0, 500) ?? null,
    ipAddress: input.ipAddress,
  });
  await recordSecurityEvent(db, { type: 'sign_in.succeeded', userId: usable.id });
  return { user: usable, session };
}
