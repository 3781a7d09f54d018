import type { TSecondFactorMethod } from '@portal/contracts';
import { and, count, eq, inArray, isNotNull, isNull, lt, max, or, type SQLWrapper, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { passkeys, recoveryCodes, signInChallenges, totpFactors, webauthnChallenges } from '../../db/schema/index';

/** Queries of the TOTP factor and the recovery codes; every one is scoped by the user. */

export async function findTotpFactor(db: DbOrTx, userId: string) {
  const [row] = await db.select().from(totpFactors).where(eq(totpFactors.userId, userId));
  return row;
}

/** Whether a password sign-in must ask for a second factor: TOTP is confirmed. */
export async function hasConfirmedTotp(db: DbOrTx, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ userId: totpFactors.userId })
    .from(totpFactors)
    .where(and(eq(totpFactors.userId, userId), isNotNull(totpFactors.confirmedAt)));
  return row !== undefined;
}

/** A new secret waiting for its first code; replaces an unconfirmed one, never a confirmed one. */
export async function savePendingTotp(db: DbOrTx, userId: string, secretCiphertext: string) {
  const rows = await db
    .insert(totpFactors)
    .values({ userId, secretCiphertext })
    .onConflictDoUpdate({
      target: totpFactors.userId,
      set: { secretCiphertext, createdAt: sql`now()`, lastUsedStep: null },
      setWhere: isNull(totpFactors.confirmedAt),
    })
    .returning({ userId: totpFactors.userId });
  return rows.length > 0;
}

/**
 * Records `step` as the last used one, only if it is later than the one stored: of two requests
 * with the same code, one wins.
 */
export async function claimTotpStep(db: DbOrTx, userId: string, step: number) {
  const rows = await db
    .update(totpFactors)
    .set({ lastUsedStep: step })
    .where(
      and(
        eq(totpFactors.userId, userId),
        isNotNull(totpFactors.confirmedAt),
        or(isNull(totpFactors.lastUsedStep), lt(totpFactors.lastUsedStep, step)),
      ),
    )
    .returning({ userId: totpFactors.userId });
  return rows.length > 0;
}

/**
 * Turns a pending factor on. Its code is not claimed: confirming authenticates nothing, so the
 * same code may still sign in once (an API client that confirms and signs in within 30 seconds).
 */
export async function confirmTotpFactor(db: DbOrTx, userId: string, now: Date) {
  const rows = await db
    .update(totpFactors)
    .set({ confirmedAt: now })
    .where(and(eq(totpFactors.userId, userId), isNull(totpFactors.confirmedAt)))
    .returning({ userId: totpFactors.userId });
  return rows.length > 0;
}

export async function deleteTotpFactor(db: DbOrTx, userId: string) {
  await db.delete(totpFactors).where(eq(totpFactors.userId, userId));
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
}

export async function replaceRecoveryCodes(db: DbOrTx, userId: string, hashes: string[], now: Date) {
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await db.insert(recoveryCodes).values(hashes.map((codeHash) => ({ userId, codeHash, createdAt: now })));
}

/** Uses a recovery code: true once per code, whoever asks at the same time. */
export async function useRecoveryCode(db: DbOrTx, userId: string, codeHash: string, now: Date) {
  const rows = await db
    .update(recoveryCodes)
    .set({ usedAt: now })
    .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, codeHash), isNull(recoveryCodes.usedAt)))
    .returning({ id: recoveryCodes.id });
  return rows.length > 0;
}

export async function recoveryCodeState(db: DbOrTx, userId: string) {
  const [row] = await db
    .select({
      remaining: sql<number>`count(*) filter (where ${recoveryCodes.usedAt} is null)`.mapWith(Number),
      generatedAt: max(recoveryCodes.createdAt),
    })
    .from(recoveryCodes)
    .where(eq(recoveryCodes.userId, userId));
  return { remaining: row?.remaining ?? 0, generatedAt: row?.generatedAt ?? null };
}

export async function countPasskeys(db: DbOrTx, userId: string) {
  const [row] = await db.select({ value: count() }).from(passkeys).where(eq(passkeys.userId, userId));
  return row?.value ?? 0;
}

/**
 * The second factors a password sign-in must ask for: none unless TOTP is on (passkeys alone sign
 * in by themselves and do not turn the second step on); with TOTP, passkeys may answer it too.
 */
export async function secondFactorMethodsOf(db: DbOrTx, userId: string): Promise<TSecondFactorMethod[]> {
  if (!(await hasConfirmedTotp(db, userId))) return [];
  return (await countPasskeys(db, userId)) > 0 ? ['totp', 'recovery_code', 'passkey'] : ['totp', 'recovery_code'];
}

/**
 * Every second factor and open challenge of these users (a list or a subquery of ids): a deleted
 * account, or a member removed from one, signs in with none of them again.
 */
export async function deleteSecondFactorsOf(db: DbOrTx, userIds: string[] | SQLWrapper) {
  await db.delete(webauthnChallenges).where(inArray(webauthnChallenges.userId, userIds));
  await db.delete(signInChallenges).where(inArray(signInChallenges.userId, userIds));
  await db.delete(passkeys).where(inArray(passkeys.userId, userIds));
  await db.delete(recoveryCodes).where(inArray(recoveryCodes.userId, userIds));
  await db.delete(totpFactors).where(inArray(totpFactors.userId, userIds));
}
