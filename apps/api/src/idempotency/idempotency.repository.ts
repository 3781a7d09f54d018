import { and, eq, lt, sql } from 'drizzle-orm';
import type { Database, DbOrTx } from '../db/client';
import { idempotencyKeys } from '../db/schema/index';
import type { CustomerId } from '../modules/customers/customer-id';

export interface KeyClaim {
  customerId: CustomerId;
  key: string;
}

/** How long a key is remembered (Stripe: 24 hours). */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * Claims a key for a request: inserted, or taken over when its earlier use has expired. One
 * statement, so of two concurrent requests with the same key exactly one wins.
 */
export async function claimKey(db: Database, claim: KeyClaim, requestHash: string, now: Date): Promise<boolean> {
  const expiresAt = new Date(now.getTime() + IDEMPOTENCY_KEY_TTL_MS);
  const rows = await db
    .insert(idempotencyKeys)
    .values({ ...claim, requestHash, createdAt: now, expiresAt })
    .onConflictDoUpdate({
      target: [idempotencyKeys.customerId, idempotencyKeys.key],
      set: { requestHash, status: null, responseBody: null, contentType: null, createdAt: now, expiresAt },
      setWhere: sql`${idempotencyKeys.expiresAt} <= ${now.toISOString()}::timestamptz`,
    })
    .returning({ key: idempotencyKeys.key });
  return rows.length === 1;
}

const whereClaim = (claim: KeyClaim) =>
  and(eq(idempotencyKeys.customerId, claim.customerId), eq(idempotencyKeys.key, claim.key));

export async function findKey(db: DbOrTx, claim: KeyClaim) {
  const [row] = await db.select().from(idempotencyKeys).where(whereClaim(claim));
  return row;
}

export async function storeAnswer(
  db: Database,
  claim: KeyClaim,
  answer: { status: number; body: string; contentType: string },
) {
  await db
    .update(idempotencyKeys)
    .set({ status: answer.status, responseBody: answer.body, contentType: answer.contentType })
    .where(whereClaim(claim));
}

/** An answer that is not stored (a refusal, an error) frees the key for a corrected retry. */
export async function releaseKey(db: Database, claim: KeyClaim) {
  await db.delete(idempotencyKeys).where(whereClaim(claim));
}

export async function deleteKeysOf(db: DbOrTx, customerId: CustomerId) {
  await db.delete(idempotencyKeys).where(eq(idempotencyKeys.customerId, customerId));
}

export async function purgeExpiredKeys(db: Database, now: Date): Promise<number> {
  const rows = await db
    .delete(idempotencyKeys)
    .where(lt(idempotencyKeys.expiresAt, now))
    .returning({ key: idempotencyKeys.key });
  return rows.length;
}
