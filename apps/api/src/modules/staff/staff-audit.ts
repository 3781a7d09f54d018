import type { TAuditEvent } from '@portal/contracts';
import { and, eq, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { DbOrTx } from '../../db/client';
import { staffAuditEvents, users } from '../../db/schema/index';
import { cursorError, decodeIdCursor, encodeIdCursor, type Page, pageOf } from '../../lib/pagination';

/** What a staff route tells the audit log beyond who, what and when (see staff-audit.plugin.ts). */
export interface StaffChange {
  /** The customer whose data changed: their security log gets an entry too. */
  customerId?: string | null | undefined;
  subjectId?: string | undefined;
  before?: Record<string, unknown> | null | undefined;
  after?: Record<string, unknown> | null | undefined;
}

declare module 'fastify' {
  interface FastifyRequest {
    staffChange: StaffChange | null;
  }
}

/** A staff route's handler says whose data it changed and, where it matters, before and after. */
export function noteStaffChange(request: FastifyRequest, change: StaffChange): void {
  request.staffChange = { ...request.staffChange, ...change };
}

export async function insertAuditEvent(db: DbOrTx, event: typeof staffAuditEvents.$inferInsert) {
  await db.insert(staffAuditEvents).values(event);
}

/** Newest first, keyset-paginated on (occurred_at, id); the cursor is the last entry's id. */
export async function listAuditEvents(
  db: DbOrTx,
  query: {
    limit: number;
    cursor?: string | undefined;
    staffUserId?: string | undefined;
    customerId?: string | undefined;
  },
): Promise<Page<TAuditEvent>> {
  let after: string | undefined;
  if (query.cursor) {
    const id = decodeIdCursor(query.cursor);
    const [row] = await db
      .select({ id: staffAuditEvents.id })
      .from(staffAuditEvents)
      .where(eq(staffAuditEvents.id, id));
    if (!row) throw cursorError();
    after = row.id;
  }
  const rows = await db
    .select({ event: staffAuditEvents, staffName: users.name })
    .from(staffAuditEvents)
    .leftJoin(users, eq(users.id, staffAuditEvents.staffUserId))
    .where(
      and(
        query.staffUserId ? eq(staffAuditEvents.staffUserId, query.staffUserId) : undefined,
        query.customerId ? eq(staffAuditEvents.customerId, query.customerId) : undefined,
        // The cursor entry's sort key read in SQL, at microseconds (a JavaScript date has
        // milliseconds: entries of the same millisecond were lost between pages).
        after
          ? sql`(${staffAuditEvents.occurredAt}, ${staffAuditEvents.id}) < (select e.occurred_at, e.id from staff_audit_events e where e.id = ${after})`
          : undefined,
      ),
    )
    // `nulls last` as the indexes are built (drizzle's `.desc()`): a plain `desc` sorts nulls
    // first, which no index here provides, and PostgreSQL then sorted the whole log.
    .orderBy(sql`${staffAuditEvents.occurredAt} desc nulls last`, sql`${staffAuditEvents.id} desc nulls last`)
    .limit(query.limit + 1);
  const page = pageOf(rows, query.limit, (last) => encodeIdCursor(last.event.id));
  return {
    items: page.rows.map(({ event, staffName }) => ({
      id: event.id,
      occurredAt: event.occurredAt.toISOString(),
      staff: { id: event.staffUserId, name: staffName },
      action: event.action,
      subjectId: event.subjectId,
      customerId: event.customerId,
      requestId: event.requestId,
      before: event.before,
      after: event.after,
    })),
    nextCursor: page.nextCursor,
    hasMore: page.hasMore,
  };
}
