import type { FastifyBaseLogger } from 'fastify';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Database } from '../db/client';
import type { JobDefinition } from '../jobs/scheduler';
import { claimUnsentEmails, findOutboxAttachments, markEmailFailed, markEmailSent } from './outbox.repository';

export const OUTBOX_JOB = 'mail.deliver-outbox';

export interface OutboxSenderOptions {
  smtpUrl: string;
  from: string;
  log: FastifyBaseLogger;
  intervalMs: number;
  /** Mails per run; the rest waits for the next period. */
  batchSize?: number;
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

async function deliverOutbox(db: Database, transport: Transporter, options: OutboxSenderOptions): Promise<number> {
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
        await markEmailSent(tx, mail.id);
        sent++;
      } catch (error) {
        options.log.warn({ err: error, mailId: mail.id }, 'e-mail delivery failed; will retry');
        await markEmailFailed(tx, mail.id, String(error));
      }
    }
    return sent;
  });
}
