import type { DbOrTx } from '../db/client';
import { html, type SafeHtml } from '../lib/html';
import { insertOutboxAttachments, insertOutboxEmail } from './outbox.repository';

export interface EmailMessage {
  to: string;
  subject: string;
  /** Template name, e.g. `cancellation.received`. */
  template: string;
  /** Plain-text paragraphs; the HTML part is built from them with every value escaped. */
  paragraphs: string[];
  attachments?: Array<{ filename: string; contentType: string; content: Buffer }>;
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
  const email = await insertOutboxEmail(db, {
    toAddress: message.to,
    subject: message.subject,
    template: message.template,
    textBody: message.paragraphs.join('\n\n'),
    htmlBody: toHtml(message).value,
  });
  if (message.attachments?.length) await insertOutboxAttachments(db, email.id, message.attachments);
  return email;
}
