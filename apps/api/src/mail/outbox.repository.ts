import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { PgInsertValue } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../db/client';
import { outboxEmailAttachments, outboxEmails } from '../db/schema/index';
import type { CustomerId } from '../modules/customers/customer-id';
import { redactLinkTokens } from './redact';

export type OutboxEmail = typeof outboxEmails.$inferSelect;
/** Values may be SQL, e.g. the customer id looked up from the address inside the insert. */
export type NewOutboxEmail = PgInsertValue<typeof outboxEmails>;

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

/** Marks a mail delivered; its stored copy forgets the tokens of its links. */
export async function markEmailSent(db: DbOrTx, mail: Pick<OutboxEmail, 'id' | 'textBody' | 'htmlBody'>) {
  await db
    .update(outboxEmails)
    .set({
      sentAt: sql`now()`,
      lastError: null,
      textBody: redactLinkTokens(mail.textBody),
      htmlBody: redactLinkTokens(mail.htmlBody),
    })
    .where(eq(outboxEmails.id, mail.id));
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

/** The mails sent to a customer, at whatever address they had then, newest first. */
export async function findEmailsOfCustomer(db: DbOrTx, customerId: CustomerId) {
  return db
    .select()
    .from(outboxEmails)
    .where(eq(outboxEmails.customerId, customerId))
    .orderBy(sql`${outboxEmails.createdAt} desc`);
}
