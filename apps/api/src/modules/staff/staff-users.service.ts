import type { TLanguage, TStaffRole, TStaffUser } from '@portal/contracts';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { type UserRow, users } from '../../db/schema/index';
import { AppError } from '../../lib/app-error';
import { sendEmail } from '../../mail/mailer';
import { staffWelcome } from '../../mail/templates/account';
import { isEmailTaken } from '../account/account.repository';
import { resetPasswordLink } from '../account/account-links';
import { issueAccountToken } from '../account/account-tokens.repository';
import { fieldMessages } from '../account/field-rules';
import { revokeAllSessions } from '../auth/sessions.repository';

export function toStaffUser(row: UserRow): TStaffUser {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    staffRole: row.staffRole ?? 'support',
    deactivatedAt: row.disabledAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function listStaffUsers(db: Database) {
  const rows = await db.select().from(users).where(eq(users.role, 'staff')).orderBy(asc(users.name), asc(users.id));
  return rows.map(toStaffUser);
}

/** A new staff account without a password; the invitation carries a link to set one (7 days). */
export async function inviteStaffUser(
  db: Database,
  input: { email: string; name: string; staffRole: TStaffRole; language: TLanguage },
  publicUrl: string,
  providerName: string,
) {
  if (await isEmailTaken(db, input.email))
    throw new AppError('conflict', 'Another account uses this e-mail address.', {
      errors: [{ path: 'email', message: fieldMessages.emailInUse }],
    });
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(users)
      .values({
        role: 'staff',
        staffRole: input.staffRole,
        email: input.email,
        name: input.name,
        language: input.language,
        passwordHash: null,
      })
      .returning();
    if (!row) throw new Error('staff insert returned nothing');
    const token = await issueAccountToken(tx, { userId: row.id, purpose: 'welcome' });
    await sendEmail(tx, {
      to: row.email,
      language: row.language,
      template: staffWelcome,
      params: { name: row.name, providerName, link: resetPasswordLink(publicUrl, token, true) },
    });
    return toStaffUser(row);
  });
}

/** Admins cannot change or deactivate themselves: the back office never loses its last admin by accident. */
async function lockOtherStaff(db: Database, callerId: string, staffUserId: string) {
  if (callerId === staffUserId)
    throw new AppError('conflict', 'Staff members cannot change their own role or deactivate themselves.');
  const [row] = await db
    .select()
    .from(users)
    .where(and(eq(users.id, staffUserId), eq(users.role, 'staff')))
    .for('update');
  if (!row) throw AppError.notFound('staff user');
  return row;
}

export async function setStaffRole(db: Database, callerId: string, staffUserId: string, staffRole: TStaffRole) {
  return db.transaction(async (tx) => {
    const before = await lockOtherStaff(tx as unknown as Database, callerId, staffUserId);
    const [row] = await tx
      .update(users)
      .set({ staffRole, updatedAt: sql`now()` })
      .where(eq(users.id, staffUserId))
      .returning();
    if (!row) throw AppError.notFound('staff user');
    return { before: before.staffRole, user: toStaffUser(row) };
  });
}

export async function deactivateStaffUser(db: Database, callerId: string, staffUserId: string) {
  return db.transaction(async (tx) => {
    const before = await lockOtherStaff(tx as unknown as Database, callerId, staffUserId);
    const [row] = await tx
      .update(users)
      .set({ disabledAt: before.disabledAt ?? sql`now()`, updatedAt: sql`now()` })
      .where(eq(users.id, staffUserId))
      .returning();
    if (!row) throw AppError.notFound('staff user');
    await revokeAllSessions(tx, staffUserId);
    return toStaffUser(row);
  });
}
