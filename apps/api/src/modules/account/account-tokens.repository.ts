import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, gt, inArray, isNull, type SQLWrapper } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { accountTokens } from '../../db/schema/index';

export type AccountTokenPurpose = 'password_reset' | 'welcome' | 'invite' | 'email_change';

/** How long each kind of link works: a reset is urgent and short; a welcome waits for the customer. */
export const TOKEN_LIFETIME_MS: Record<AccountTokenPurpose, number> = {
  password_reset: 30 * 60_000,
  welcome: 7 * 24 * 3_600_000,
  /** A team invitation (issue 13: 72 hours). */
  invite: 72 * 3_600_000,
  email_change: 24 * 3_600_000,
};

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Issues a link token: 256 random bits (ASVS asks for ≥ 128), only its hash stored. Earlier unused
 * tokens of the same purpose stop working, so only the newest e-mail's link is valid.
 */
export async function issueAccountToken(
  db: DbOrTx,
  input: { userId: string; purpose: AccountTokenPurpose; newEmail?: string; now?: Date },
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const now = input.now ?? new Date();
  await db
    .update(accountTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(accountTokens.userId, input.userId),
        eq(accountTokens.purpose, input.purpose),
        isNull(accountTokens.usedAt),
      ),
    );
  await db.insert(accountTokens).values({
    userId: input.userId,
    purpose: input.purpose,
    tokenHash: hashToken(token),
    newEmail: input.newEmail ?? null,
    expiresAt: new Date(now.getTime() + TOKEN_LIFETIME_MS[input.purpose]),
  });
  return token;
}

/**
 * Uses a token once: the UPDATE … WHERE used_at IS NULL is atomic, so two concurrent requests with
 * the same token cannot both succeed. Answers the token row, or undefined when unknown, used or expired.
 */
export async function consumeAccountToken(
  db: DbOrTx,
  token: string,
  purposes: AccountTokenPurpose[],
  now = new Date(),
) {
  const [row] = await db
    .update(accountTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(accountTokens.tokenHash, hashToken(token)),
        isNull(accountTokens.usedAt),
        gt(accountTokens.expiresAt, now),
        inArray(accountTokens.purpose, purposes),
      ),
    )
    .returning();
  return row;
}

/** The newest open (unused, unexpired) link of a purpose for a user, if any. */
async function findOpenLink(db: DbOrTx, userId: string, purpose: AccountTokenPurpose, now: Date) {
  const [row] = await db
    .select({ newEmail: accountTokens.newEmail, expiresAt: accountTokens.expiresAt })
    .from(accountTokens)
    .where(
      and(
        eq(accountTokens.userId, userId),
        eq(accountTokens.purpose, purpose),
        isNull(accountTokens.usedAt),
        gt(accountTokens.expiresAt, now),
      ),
    )
    .orderBy(desc(accountTokens.createdAt))
    .limit(1);
  return row;
}

/** When the open invitation link of a user stops working, if one is open. */
export async function findOpenInvitation(db: DbOrTx, userId: string, now = new Date()) {
  return (await findOpenLink(db, userId, 'invite', now))?.expiresAt ?? null;
}

/** The e-mail change waiting for confirmation, if any. */
export async function findPendingEmailChange(db: DbOrTx, userId: string, now = new Date()) {
  return (await findOpenLink(db, userId, 'email_change', now))?.newEmail ?? null;
}

export async function deleteAccountTokensOf(db: DbOrTx, userIds: SQLWrapper) {
  await db.delete(accountTokens).where(inArray(accountTokens.userId, userIds));
}

/**
 * Ends every unused link of these purposes: a changed address or password makes the links sent
 * before it worthless (a link in an old mailbox must not reset the new credentials).
 */
export async function revokeAccountTokens(
  db: DbOrTx,
  userId: string,
  purposes: AccountTokenPurpose[],
  now = new Date(),
) {
  await db
    .update(accountTokens)
    .set({ usedAt: now })
    .where(
      and(eq(accountTokens.userId, userId), inArray(accountTokens.purpose, purposes), isNull(accountTokens.usedAt)),
    );
}

/** Links that set a password; a password or address change ends them. */
export const PASSWORD_LINKS: AccountTokenPurpose[] = ['password_reset', 'welcome', 'invite'];
