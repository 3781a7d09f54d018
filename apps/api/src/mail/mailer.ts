import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { html, type SafeHtml } from '../lib/html';
import { insertOutboxEmail } from './outbox.repository';

export interface EmailMessage {
  to: string;
  /**
   * The customer the mail goes to. Omitted: the customer who owns the address now, if any (a mail
   * to an address not yet confirmed, or to a stranger, belongs to nobody: pass null).
   */
  customerId?: string | null;
  subject: string;
  /** Template name, e.g. `cancellation.received`. */
  template: string;
  /** Plain-text paragraphs; the HTML part is built from them with every value escaped. */
  paragraphs: string[];
}

function toHtml(message: EmailMessage): SafeHtml {
  return html`<!doctype html><html><body style="font-family:sans-serif;line-height:1.5">${message.paragraphs.map(
    (paragraph) => html`<p style="white-space:pre-wrap">${paragraph}</p>`,
  )}</body></html>`;
}

/**
 * Queues an e-mail. Pass the transaction of the change the mail reports, so that a mail is
 * sent if and only if the change is committed. Delivery happens later (see outbox-sender.ts).
 */
export async function sendEmail(db: DbOrTx, message: EmailMessage) {
  return insertOutboxEmail(db, {
    toAddress: message.to,
    customerId:
      message.customerId !== undefined
        ? message.customerId
        : sql`(select id from users where role = 'customer' and lower(email) = lower(${message.to}))`,
    subject: message.subject,
    template: message.template,
    textBody: message.paragraphs.join('\n\n'),
    htmlBody: toHtml(message).value,
  });
}
