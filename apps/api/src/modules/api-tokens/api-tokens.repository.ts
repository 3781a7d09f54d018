import { and, asc, count, eq, gt, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { apiTokens, customerMembers, customers, users } from '../../db/schema/index';
import type { CustomerId } from '../customers/customer-id';

/** Neither revoked nor expired at `now`. */
const active = (now: Date) => and(isNull(apiTokens.revokedAt), gt(apiTokens.expiresAt, now));

export async function insertApiToken(db: DbOrTx, token: typeof apiTokens.$inferInsert) {
  const [row] = await db.insert(apiTokens).values(token).returning();
  if (!row) throw new Error('api token insert returned nothing');
  return row;
}

/** The member's own active tokens in this customer account, oldest first. */
export function listActiveTokens(db: DbOrTx, customerId: CustomerId, userId: string, now: Date) {
  return db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.customerId, customerId), eq(apiTokens.userId, userId), active(now)))
    .orderBy(asc(apiTokens.createdAt), asc(apiTokens.id));
}

export async function countActiveTokens(db: DbOrTx, customerId: CustomerId, userId: string, now: Date) {
  const [row] = await db
    .select({ n: count() })
    .from(apiTokens)
    .where(and(eq(apiTokens.customerId, customerId), eq(apiTokens.userId, userId), active(now)));
  return row?.n ?? 0;
}

/** Revokes one of the member's own active tokens; the row, or undefined when there is none. */
export async function revokeApiToken(db: DbOrTx, customerId: CustomerId, userId: string, id: string, now: Date) {
  const [row] = await db
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(and(eq(apiTokens.id, id), eq(apiTokens.customerId, customerId), eq(apiTokens.userId, userId), active(now)))
    .returning();
  return row;
}

/**
 * The caller behind a token hash: the token with its user, membership and customer account, only
 * while the token is active, the user not disabled and still a member of the token's account.
 */
export async function findTokenCaller(db: DbOrTx, tokenHash: string, now: Date) {
  const [row] = await db
    .select({ token: apiTokens, user: users, customer: customers, memberRole: customerMembers.role })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .innerJoin(
      customerMembers,
      and(eq(customerMembers.userId, apiTokens.userId), eq(customerMembers.customerId, apiTokens.customerId)),
    )
    .innerJoin(customers, eq(customers.id, apiTokens.customerId))
    .where(and(eq(apiTokens.tokenHash, tokenHash), active(now), isNull(users.disabledAt)))
    .limit(1);
  return row;
}

/** Ends every active token of a user (a member removed from the account). */
export async function revokeAllTokensOf(db: DbOrTx, userId: string, now: Date) {
  await db
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)));
}

/** "Last used" of many tokens in one statement (the instance's write-behind batch, ADR 0025-d). */
export async function touchApiTokens(db: DbOrTx, entries: ReadonlyArray<readonly [string, Date]>) {
  const ids = entries.map(([id]) => id);
  const used = entries.map(([, at]) => at.toISOString());
  await db.execute(sql`update api_tokens t set last_used_at = greatest(t.last_used_at, v.at)
    from unnest(${sql.param(ids)}::uuid[], ${sql.param(used)}::timestamptz[]) as v(id, at) where t.id = v.id`);
}

/** Every token of the customer account, revoked and expired ones too (the data export). */
export function allTokensOf(db: DbOrTx, customerId: CustomerId) {
  return db.select().from(apiTokens).where(eq(apiTokens.customerId, customerId)).orderBy(asc(apiTokens.createdAt));
}

/** Tokens that ended (revoked or expired) before the cutoff; answers how many went. */
export async function purgeEndedTokens(db: DbOrTx, cutoff: Date) {
  const purged = await db
    .delete(apiTokens)
    .where(
      sql`least(coalesce(${apiTokens.revokedAt}, ${apiTokens.expiresAt}), ${apiTokens.expiresAt}) < ${cutoff.toISOString()}::timestamptz`,
    )
    .returning({ id: apiTokens.id });
  return purged.length;
}
