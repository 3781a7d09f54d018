import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, lt, or } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { signInChallenges, webauthnChallenges } from '../../db/schema/index';

/** How long the second step of a sign-in and a WebAuthn ceremony may take. */
export const CHALLENGE_TTL_MS = 5 * 60_000;

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

export interface NewSignInChallenge {
  userId: string;
  tokenDelivery: 'cookie' | 'bearer';
  userAgent: string | null;
  ipAddress: string | null;
}

/** Opens the second step of a sign-in; answers the token (only its hash is stored). */
export async function createSignInChallenge(db: DbOrTx, input: NewSignInChallenge, now: Date) {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + CHALLENGE_TTL_MS);
  await db.insert(signInChallenges).values({ ...input, tokenHash: sha256(token), createdAt: now, expiresAt });
  return { token, expiresAt };
}

/** The open challenge a token names: not used and not expired at `now`. */
export async function findOpenSignInChallenge(db: DbOrTx, token: string, now: Date) {
  const [row] = await db
    .select()
    .from(signInChallenges)
    .where(
      and(
        eq(signInChallenges.tokenHash, sha256(token)),
        isNull(signInChallenges.usedAt),
        gt(signInChallenges.expiresAt, now),
      ),
    );
  return row;
}

/** Uses the challenge up; true for exactly one caller, and only while it is open. */
export async function consumeSignInChallenge(db: DbOrTx, id: string, now: Date) {
  const rows = await db
    .update(signInChallenges)
    .set({ usedAt: now })
    .where(and(eq(signInChallenges.id, id), isNull(signInChallenges.usedAt), gt(signInChallenges.expiresAt, now)))
    .returning({ id: signInChallenges.id });
  return rows.length > 0;
}

export interface NewWebauthnChallenge {
  challenge: string;
  purpose: 'registration' | 'authentication';
  userId: string | null;
  signInChallengeId?: string | null;
}

export async function saveWebauthnChallenge(db: DbOrTx, input: NewWebauthnChallenge, now: Date) {
  await db
    .insert(webauthnChallenges)
    .values({ ...input, createdAt: now, expiresAt: new Date(now.getTime() + CHALLENGE_TTL_MS) });
}

/**
 * Takes a challenge the server issued for this purpose (and user, or sign-in), deleting it: an
 * answer to it is checked once. Undefined when it is unknown, used, expired or someone else's.
 */
export async function takeWebauthnChallenge(
  db: DbOrTx,
  challenge: string,
  scope: { purpose: 'registration' | 'authentication'; userId: string | null; signInChallengeId?: string | null },
  now: Date,
) {
  const [row] = await db
    .delete(webauthnChallenges)
    .where(
      and(
        eq(webauthnChallenges.challenge, challenge),
        eq(webauthnChallenges.purpose, scope.purpose),
        scope.userId === null ? isNull(webauthnChallenges.userId) : eq(webauthnChallenges.userId, scope.userId),
        scope.signInChallengeId
          ? eq(webauthnChallenges.signInChallengeId, scope.signInChallengeId)
          : isNull(webauthnChallenges.signInChallengeId),
      ),
    )
    .returning();
  return row && row.expiresAt > now ? row : undefined;
}

/** The periodic clean-up: challenges past their expiry, and sign-in steps used or expired. */
export async function purgeChallenges(db: DbOrTx, now: Date) {
  const webauthn = await db
    .delete(webauthnChallenges)
    .where(lt(webauthnChallenges.expiresAt, now))
    .returning({ challenge: webauthnChallenges.challenge });
  const signIn = await db
    .delete(signInChallenges)
    .where(or(lt(signInChallenges.expiresAt, now), lt(signInChallenges.usedAt, now)))
    .returning({ id: signInChallenges.id });
  return webauthn.length + signIn.length;
}
