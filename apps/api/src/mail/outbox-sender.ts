import type { FastifyBaseLogger } from 'fastify';
import nodemailer from 'nodemailer';
import type { Database } from '../db/client';
import { claimUnsentEmails, markEmailFailed, markEmailSent } from './outbox.repository';

export interface OutboxSender {
  /** Delivers what is waiting; returns how many mails went out. */
  flush(): Promise<number>;
  stop(): void;
}

/**
 * Delivers the outbox over SMTP. Without SMTP_URL nothing is started and the outbox table is the
 * mailbox, which is what development and the tests read.
 */
export function startOutboxSender(options: {
  db: Database;
  smtpUrl: string;
  from: string;
  log: FastifyBaseLogger;
  intervalMs?: number;
}): OutboxSender {
  const transport = nodemailer.createTransport(options.smtpUrl);
  let running = false;

  const flush = async () => {
    if (running) return 0;
    running = true;
    try {
      return await options.db.transaction(async (tx) => {
        const batch = await claimUnsentEmails(tx, 20);
        let sent = 0;
        for (const mail of batch) {
          try {
            await transport.sendMail({
              from: options.from,
              to: mail.toAddress,
              subject: mail.subject,
              text: mail.textBody,
              html: mail.htmlBody,
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
    } finally {
      running = false;
    }
  };

  const timer = setInterval(() => {
    flush().catch((error) => options.log.error({ err: error }, 'outbox delivery failed'));
  }, options.intervalMs ?? 5000);
  timer.unref();
  return { flush, stop: () => clearInterval(timer) };
}
