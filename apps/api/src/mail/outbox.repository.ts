import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { outboxEmailAttachments, outboxEmails } from '../db/schema/index';

export type OutboxEmail = typeof outboxEmails.$inferSelect;
export type NewOutboxEmail = typeof outboxEmails.$inferInsert;

export async function insertOutboxEmail(db: DbOrTx, email: NewOutboxEmail) {
  const [row] = await db.insert(outboxEmails).values(email).returning();
  if (!row) throw new Error('outbox insert returned nothing');
  return row;
}

export async function insertOutboxAttachments(
  db: DbOrTx,
  emailId: string,
  attachments: Array<{ filename: string; contentType: string; content: Buffer }>,
) {
  await db.insert(outboxEmailAttachments).values(attachments.map((attachment) => ({ ...attachment, emailId })));
}

export async function findOutboxAttachments(db: DbOrTx, emailId: string) {
  return db
    .select({
      filename: outboxEmailAttachments.filename,
      contentType: outboxEmailAttachments.contentType,
      content: outboxEmailAttachments.content,
    })
    .from(outboxEmailAttachments)
    .where(eq(outboxEmailAttachments.emailId, emailId));
}

/** Claims unsent mails; SKIP LOCKED lets several API instances deliver without sending twice. */
export async function claimUnsentEmails(db: DbOrTx, limit: number) {
  return db
    .select()
    .from(outboxEmails)
    .where(isNull(outboxEmails.sentAt))
    .orderBy(asc(outboxEmails.createdAt))
    .limit(limit)
    .for('update', { skipLocked: true });
}

export async function markEmailSent(db: DbOrTx, id: string) {
  await db.update(outboxEmails).set({ sentAt: sql`now()`, lastError: null }).where(eq(outboxEmails.id, id));
}

export async function markEmailFailed(db: DbOrTx, id: string, error: string) {
  await db
    .update(outboxEmails)
    .set({ lastError: error.slice(0, 500) })
    .where(and(eq(outboxEmails.id, id), isNull(outboxEmails.sentAt)));
}

/** The mails sent to an address, newest first (tests and support read the outbox this way). */
export async function findEmailsTo(db: DbOrTx, toAddress: string) {
  return db
    .select()
    .from(outboxEmails)
    .where(eq(sql`lower(${outboxEmails.toAddress})`, toAddress.toLowerCase()))
    .orderBy(sql`${outboxEmails.createdAt} desc`);
}
