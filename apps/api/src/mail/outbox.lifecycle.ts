import { eq, lt } from 'drizzle-orm';
import { outboxEmails } from '../db/schema/index';
import { retentionCutoff } from '../lib/retention-periods';
import type { DataLifecycle } from '../lifecycle/data-lifecycle';
import { findEmailsOfCustomer } from './outbox.repository';
import { redactLinkTokens } from './redact';

/**
 * Sent e-mails are the provider's proof of what it told the customer (confirmations, invoices,
 * notices): kept for the correspondence period from their year of sending, also after the
 * account's deletion, and found by customer id, never by the address they went to. No copy shows
 * a link's token: exports redact, delivery redacts, deletion redacts the unsent ones.
 */
export const outboxLifecycle: DataLifecycle = {
  module: 'mail',
  tables: [outboxEmails],
  keptAfterDeletion: ['emails'],
  async export(db, customerId) {
    const rows = await findEmailsOfCustomer(db, customerId);
    return {
      emails: rows.map((row) => ({
        id: row.id,
        to: row.toAddress,
        subject: row.subject,
        template: row.template,
        textBody: redactLinkTokens(row.textBody),
        createdAt: row.createdAt.toISOString(),
        sentAt: row.sentAt?.toISOString() ?? null,
      })),
    };
  },
  async erase(tx, customerId) {
    // Links in mails not yet delivered stop working with the account; their copies forget them too.
    for (const mail of await findEmailsOfCustomer(tx, customerId))
      if (mail.textBody !== redactLinkTokens(mail.textBody))
        await tx
          .update(outboxEmails)
          .set({ textBody: redactLinkTokens(mail.textBody), htmlBody: redactLinkTokens(mail.htmlBody) })
          .where(eq(outboxEmails.id, mail.id));
  },
  async purge(db, { now, periods }) {
    const purged = await db
      .delete(outboxEmails)
      .where(lt(outboxEmails.createdAt, retentionCutoff(periods.emails, now)))
      .returning({ id: outboxEmails.id });
    return purged.length;
  },
};
