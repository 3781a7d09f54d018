import { and, desc, eq, lt, or, sql } from 'drizzle-orm';
import type { Database, DbOrTx } from '../../db/client';
import { webhookDeliveries, webhookEndpoints } from '../../db/schema/index';
import type { CustomerId } from '../customers/customer-id';

export async function insertEndpoint(db: DbOrTx, values: typeof webhookEndpoints.$inferInsert) {
  const [row] = await db.insert(webhookEndpoints).values(values).returning();
  if (!row) throw new Error('endpoint insert returned nothing');
  return row;
}

export async function findEndpoints(db: DbOrTx, customerId: CustomerId, limit: number, afterCreatedAt?: Date) {
  return db
    .select()
    .from(webhookEndpoints)
    .where(
      and(
        eq(webhookEndpoints.customerId, customerId),
        afterCreatedAt ? lt(webhookEndpoints.createdAt, afterCreatedAt) : undefined,
      ),
    )
    .orderBy(desc(webhookEndpoints.createdAt))
    .limit(limit);
}

export async function findEndpoint(db: DbOrTx, customerId: CustomerId, endpointId: string) {
  const [row] = await db
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.customerId, customerId), eq(webhookEndpoints.id, endpointId)));
  return row;
}

export async function deleteEndpoint(db: DbOrTx, customerId: CustomerId, endpointId: string) {
  const rows = await db
    .delete(webhookEndpoints)
    .where(and(eq(webhookEndpoints.customerId, customerId), eq(webhookEndpoints.id, endpointId)))
    .returning({ id: webhookEndpoints.id });
  return rows.length === 1;
}

/** The outbox rows of an event: one per endpoint of the customer that subscribed to it. */
export async function enqueueEvent(
  db: DbOrTx,
  customerId: CustomerId,
  eventType: string,
  payload: Record<string, unknown>,
  retryUntil: Date,
) {
  await db.execute(sql`
    insert into webhook_deliveries (endpoint_id, event_type, payload, retry_until)
    select id, ${eventType}, ${JSON.stringify(payload)}::jsonb, ${retryUntil.toISOString()}::timestamptz
    from webhook_endpoints where customer_id = ${customerId} and ${eventType} = any(events)`);
}

export async function findDeliveries(db: DbOrTx, endpointId: string, limit: number, beforeCreatedAt?: Date) {
  return db
    .select()
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.endpointId, endpointId),
        beforeCreatedAt ? lt(webhookDeliveries.createdAt, beforeCreatedAt) : undefined,
      ),
    )
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(limit);
}

/** A resend: pending again, due now, with 24 more hours of retries. */
export async function requeueDelivery(db: DbOrTx, endpointId: string, deliveryId: string, retryUntil: Date) {
  const [row] = await db
    .update(webhookDeliveries)
    .set({ status: 'pending', nextAttemptAt: sql`now()`, retryUntil, deliveredAt: null })
    .where(and(eq(webhookDeliveries.endpointId, endpointId), eq(webhookDeliveries.id, deliveryId)))
    .returning();
  return row;
}

/**
 * Claims due deliveries for one attempt: pushed a minute ahead first, so that a crash mid-attempt
 * means a retry rather than a loss, and another instance skips the locked rows.
 */
export async function claimDueDeliveries(db: Database, limit: number) {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ delivery: webhookDeliveries, endpoint: webhookEndpoints })
      .from(webhookDeliveries)
      .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
      .where(and(eq(webhookDeliveries.status, 'pending'), sql`${webhookDeliveries.nextAttemptAt} <= now()`))
      .orderBy(webhookDeliveries.nextAttemptAt)
      .limit(limit)
      .for('update', { of: webhookDeliveries, skipLocked: true });
    for (const { delivery } of due)
      await tx
        .update(webhookDeliveries)
        .set({ nextAttemptAt: sql`now() + interval '1 minute'` })
        .where(eq(webhookDeliveries.id, delivery.id));
    return due;
  });
}

export async function recordAttempt(
  db: Database,
  deliveryId: string,
  outcome: { delivered: boolean; responseStatus: number | null; error: string | null; nextAttemptAt: Date | null },
) {
  await db
    .update(webhookDeliveries)
    .set({
      attempts: sql`${webhookDeliveries.attempts} + 1`,
      lastResponseStatus: outcome.responseStatus,
      lastError: outcome.error,
      ...(outcome.delivered
        ? { status: 'delivered' as const, deliveredAt: sql`now()` }
        : outcome.nextAttemptAt
          ? { nextAttemptAt: outcome.nextAttemptAt }
          : { status: 'failed' as const }),
    })
    .where(eq(webhookDeliveries.id, deliveryId));
}

/** Delivery logs are kept 30 days. */
export async function purgeOldDeliveries(db: Database, before: Date) {
  const rows = await db
    .delete(webhookDeliveries)
    .where(
      and(
        lt(webhookDeliveries.createdAt, before),
        or(eq(webhookDeliveries.status, 'delivered'), eq(webhookDeliveries.status, 'failed')),
      ),
    )
    .returning({ id: webhookDeliveries.id });
  return rows.length;
}
