import type { TLanguage } from '@portal/contracts';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { users } from '../../db/schema/index';

export async function findUserByEmail(db: DbOrTx, email: string) {
  const [row] = await db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.toLowerCase()))
    .limit(1);
  return row;
}

/** The user a sign-in step names, while sign-in is allowed (not disabled). */
export async function findActiveUser(db: DbOrTx, userId: string) {
  const [row] = await db
    .select()
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.disabledAt)))
    .limit(1);
  return row;
}

/** The language of the portal and of the user's e-mails, set when the user switches it. */
export async function setUserLanguage(db: DbOrTx, userId: string, language: TLanguage) {
  await db.update(users).set({ language, updatedAt: new Date() }).where(eq(users.id, userId));
}
