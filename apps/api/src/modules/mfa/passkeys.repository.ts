import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { type PasskeyRow, passkeys } from '../../db/schema/index';

/** Queries of the passkeys; all but the sign-in lookup are scoped by the user. */

export function listPasskeysOf(db: DbOrTx, userId: string) {
  return db
    .select()
    .from(passkeys)
    .where(eq(passkeys.userId, userId))
    .orderBy(asc(passkeys.createdAt), asc(passkeys.id));
}

export async function insertPasskey(db: DbOrTx, passkey: typeof passkeys.$inferInsert) {
  const [row] = await db.insert(passkeys).values(passkey).onConflictDoNothing().returning();
  return row;
}

/** Sign-in: the credential an authenticator names, whoever's it is (the signature decides). */
export async function findPasskeyByCredentialId(db: DbOrTx, credentialId: string): Promise<PasskeyRow | undefined> {
  const [row] = await db.select().from(passkeys).where(eq(passkeys.credentialId, credentialId));
  return row;
}

export async function renamePasskeyOf(db: DbOrTx, userId: string, id: string, name: string) {
  const [row] = await db
    .update(passkeys)
    .set({ name })
    .where(and(eq(passkeys.userId, userId), eq(passkeys.id, id)))
    .returning();
  return row;
}

export async function deletePasskeyOf(db: DbOrTx, userId: string, id: string) {
  const [row] = await db
    .delete(passkeys)
    .where(and(eq(passkeys.userId, userId), eq(passkeys.id, id)))
    .returning();
  return row;
}

/**
 * Records a use. The signature counter must grow when the authenticator keeps one (a clone would
 * repeat it); synced passkeys send 0 every time, which is no evidence either way.
 */
export async function recordPasskeyUse(db: DbOrTx, id: string, signCount: number, backedUp: boolean, now: Date) {
  const rows = await db
    .update(passkeys)
    .set({ signCount, backedUp, lastUsedAt: now })
    .where(
      and(
        eq(passkeys.id, id),
        sql`((${signCount} = 0 and ${passkeys.signCount} = 0) or ${passkeys.signCount} < ${signCount})`,
      ),
    )
    .returning({ id: passkeys.id });
  return rows.length > 0;
}
