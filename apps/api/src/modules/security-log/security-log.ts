import type { TSecurityEvent, TSecurityEventType } from '@portal/contracts';
import { and, desc, eq, lt, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { securityEvents } from '../../db/schema/index';
import { AppError } from '../../lib/app-error';
import { type Page, pageOf } from '../../lib/pagination';
import { RETENTION_PERIODS, retentionCutoff } from '../../lib/retention-periods';
import { WriteBehind } from '../../lib/write-behind';

type Detail = string | number | boolean | null;

export interface SecurityEventInput {
  type: TSecurityEventType;
  /** The customer or staff member concerned; null when there is none (unknown e-mail). */
  userId: string | null;
  /**
   * The request the entry happens in (`originOf(request)`), passed down by whoever serves it; null
   * when there is none the person concerned made: a job, a stranger's form, a staff member's action.
   */
  origin: RequestOrigin | null;
  details?: Record<string, Detail | undefined>;
}

/** Where a request came from, as a security-log entry names it. */
export interface RequestOrigin {
  requestId: string;
  ip: string | null;
  userAgent: string | null;
}

/**
 * The origin of a request, for the entries the services it calls record. Passed explicitly: an
 * AsyncLocalStorage did this until #19 measured it — on Node 20 an active one runs a promise hook
 * for every promise of the process, ≈ 10 µs of a 60 µs request.
 */
export function originOf(request: {
  id: unknown;
  ip?: string;
  headers: Record<string, string | string[] | undefined>;
}): RequestOrigin {
  const userAgent = request.headers['user-agent'];
  return {
    requestId: String(request.id),
    ip: request.ip ?? null,
    userAgent: typeof userAgent === 'string' ? userAgent : null,
  };
}

/**
 * Only the request's id, for an entry in someone else's log: the customer's log names a staff
 * member's or a stranger's request, never their address or browser.
 */
export function requestOnly(origin: RequestOrigin): RequestOrigin {
  return { requestId: origin.requestId, ip: null, userAgent: null };
}

/** Keys that must never reach the log, whatever a caller passes. */
const SECRET = /pass|token|secret|iban|hash|cookie|authorization/i;

type SecurityEventInsert = typeof securityEvents.$inferInsert;

/** The row of an entry, with the request it happens in and the instant it happens at. */
function rowOf(event: SecurityEventInput): SecurityEventInsert {
  const origin = event.origin;
  const details = Object.fromEntries(
    Object.entries(event.details ?? {}).filter(([key, value]) => value !== undefined && !SECRET.test(key)),
  ) as Record<string, Detail>;
  return {
    occurredAt: new Date(),
    type: event.type,
    userId: event.userId,
    requestId: origin?.requestId ?? null,
    ipAddress: origin?.ip ?? null,
    userAgent: origin?.userAgent?.slice(0, 500) ?? null,
    details,
  };
}

/**
 * Writes one entry of the security log. Pass the transaction of the change it records, so the
 * entry and the change commit (or roll back) together.
 */
export async function recordSecurityEvent(db: DbOrTx, event: SecurityEventInput): Promise<void> {
  await db.insert(securityEvents).values(rowOf(event));
}

/** Rows per INSERT of a batch: far below PostgreSQL's 65,535 parameters. */
const BATCH_ROWS = 1_000;
const strangerWriters = new WeakMap<DbOrTx, WriteBehind<SecurityEventInsert>>();

/**
 * Batches entries about nobody known (a sign-in with an unknown address, a request without a
 * session refused) for this database: what a flood produces. Written within `intervalMs`; up to
 * that much is lost if the process dies (ADR 0025-d). Entries about a user are never deferred:
 * they are that user's log, erased with their account.
 */
export function deferStrangerEvents(db: DbOrTx, options: { intervalMs: number; onError(error: unknown): void }) {
  const writer = new WriteBehind<SecurityEventInsert>({
    intervalMs: options.intervalMs,
    onError: options.onError,
    write: async (rows) => {
      for (let start = 0; start < rows.length; start += BATCH_ROWS) {
        await db.insert(securityEvents).values(rows.slice(start, start + BATCH_ROWS));
      }
    },
  });
  strangerWriters.set(db, writer);
  return writer;
}

/**
 * An entry outside any change (a refused sign-in or request): written at once when it concerns a
 * user, else batched if this database has a batch (`deferStrangerEvents`).
 */
export async function recordRefusal(db: DbOrTx, event: SecurityEventInput): Promise<void> {
  const writer = event.userId === null ? strangerWriters.get(db) : undefined;
  if (writer) writer.add(rowOf(event));
  else await recordSecurityEvent(db, event);
}

/** Writes the batched entries now (tests, shutdown). */
export async function flushStrangerEvents(db: DbOrTx): Promise<void> {
  await strangerWriters.get(db)?.flush();
}

const encodeCursor = (id: string) => Buffer.from(id).toString('base64url');
function decodeCursor(cursor: string): string {
  const id = Buffer.from(cursor, 'base64url').toString();
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id)) {
    throw AppError.validation([{ path: 'query.cursor', message: 'is not a cursor of this list' }]);
  }
  return id;
}

/** A user's own entries, newest first, keyset-paginated on (occurred_at, id). */
export async function listSecurityEvents(
  db: DbOrTx,
  userId: string,
  query: { limit: number; cursor?: string | undefined },
): Promise<Page<TSecurityEvent>> {
  const after = query.cursor ? decodeCursor(query.cursor) : undefined;
  let position: Date | undefined;
  if (after) {
    const [row] = await db
      .select({ occurredAt: securityEvents.occurredAt })
      .from(securityEvents)
      .where(and(eq(securityEvents.id, after), eq(securityEvents.userId, userId)));
    if (!row) throw AppError.validation([{ path: 'query.cursor', message: 'is not a cursor of this list' }]);
    position = row.occurredAt;
  }
  // Compared in the database at full (microsecond) precision: the cursor row's own timestamp.
  const cursorTime = sql`(select occurred_at from security_events where id = ${after ?? null})`;
  const rows = await db
    .select()
    .from(securityEvents)
    .where(
      and(
        eq(securityEvents.userId, userId),
        position && after
          ? or(
              lt(securityEvents.occurredAt, cursorTime),
              and(eq(securityEvents.occurredAt, cursorTime), lt(securityEvents.id, after)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(securityEvents.occurredAt), desc(securityEvents.id))
    .limit(query.limit + 1);
  const { rows: page, nextCursor, hasMore } = pageOf(rows, query.limit, (last) => encodeCursor(last.id));
  return {
    nextCursor,
    hasMore,
    items: page.map((row) => ({
      id: row.id,
      type: row.type as TSecurityEventType,
      occurredAt: row.occurredAt.toISOString(),
      requestId: row.requestId,
      ipAddress: row.ipAddress,
      userAgent: row.userAgent,
      details: row.details as Record<string, Detail>,
    })),
  };
}

/** Entries older than the retention period go (the log holds addresses: personal data). */
export async function purgeSecurityEvents(db: DbOrTx, now = new Date()): Promise<number> {
  const cutoff = retentionCutoff(RETENTION_PERIODS.securityLog, now);
  const deleted = await db
    .delete(securityEvents)
    .where(lt(securityEvents.occurredAt, cutoff))
    .returning({ id: securityEvents.id });
  return deleted.length;
}
