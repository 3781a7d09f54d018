import type { FastifyBaseLogger } from 'fastify';
import nodemailer from 'nodemailer';
import type { Database } from '../db/client';
import type { JobDefinition } from '../jobs/scheduler';
import { claimUnsentEmails, findOutboxAttachments, markEmailFailed, markEmailSent } from './outbox.repository';

export const OUTBOX_JOB = 'mail.deliver-outbox';

export interface DeliveryOptions {
  from: string;
  log: FastifyBaseLogger;
  /** Mails per run; the rest waits for the next period. */
  batchSize?: number;
}

export interface OutboxSenderOptions extends DeliveryOptions {
  smtpUrl: string;
  intervalMs: number;
}

/** What delivery needs of a nodemailer transport. */
export interface MailTransport {
  sendMail(mail: {
    from: string;
    to: string;
    subject: string;
    text: string;
    html: string;
    attachments: { filename: string; contentType: string; content: Buffer }[];
  }): Promise<unknown>;
}

/**
 * Outbox delivery over SMTP as a periodic job (registered on `app.jobs` with SMTP_URL). The
 * scheduler runs it on one instance per period, and the claim uses SKIP LOCKED as well, so two
 * overlapping runs (a slow SMTP server past the period) still never send a mail twice. Without
 * SMTP_URL nothing is registered and the outbox table is the mailbox the tests read.
 */
export function outboxDeliveryJob(options: OutboxSenderOptions): JobDefinition & { close(): void } {
  const transport = nodemailer.createTransport(options.smtpUrl);
  return {
    name: OUTBOX_JOB,
    intervalMs: options.intervalMs,
    run: async (db) => {
      const sent = await deliverOutbox(db, transport, options);
      if (sent > 0) options.log.info({ job: OUTBOX_JOB, sent }, 'delivered e-mails');
    },
    close: () => transport.close(),
  };
}

/**
 * Sends a batch of queued mails. A sent mail is stored without the tokens of its links: the live
 * link exists only in the recipient's mailbox, never at rest here (issue 12, finding 3).
 */
export async function deliverOutbox(db: Database, transport: MailTransport, options: DeliveryOptions): Promise<number> {
  return db.transaction(async (tx) => {
    const batch = await claimUnsentEmails(tx, options.batchSize ?? 50);
    let sent = 0;
    for (const mail of batch) {
      try {
        await transport.sendMail({
          from: options.from,
          to: mail.toAddress,
          subject: mail.subject,
          text: mail.textBody,
          html: mail.htmlBody,
          attachments: (await findOutboxAttachments(tx, mail.id)).map((file) => ({
            filename: file.filename,
            contentType: file.contentType,
            content: file.content,
          })),
        });
        await markEmailSent(tx, mail);
        sent++;
      } catch (error) {
        options.log.warn({ err: error, mailId: mail.id }, 'e-mail delivery failed; will retry');
        await markEmailFailed(tx, mail.id, String(error));
      }
    }
    return sent;
  });
}
