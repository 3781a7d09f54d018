import { sql } from 'drizzle-orm';
import { type AppConfig, loadConfig } from '../config';
import type { DbOrTx } from '../db/client';
import { html, type SafeHtml } from '../lib/html';
import type { CustomerId } from '../modules/customers/customer-id';
import { closing, hasClosing } from './letter';
import { insertOutboxAttachments, insertOutboxEmail } from './outbox.repository';

export interface EmailMessage {
  to: string;
  /**
   * The customer the mail goes to. Omitted: the customer who owns the address now, if any (a mail
   * to an address not yet confirmed, or to a stranger, belongs to nobody: pass null).
   */
  customerId?: CustomerId | null;
  subject: string;
  /** Template name, e.g. `cancellation.received`. */
  template: string;
  /**
   * Plain-text paragraphs, salutation first (./letter.ts); the closing is added unless the last
   * paragraph is one. The HTML part is built from them with every value escaped.
   */
  paragraphs: string[];
  attachments?: Array<{ filename: string; contentType: string; content: Buffer }>;
}

/** Who sends, for every mail's footer: the provider and where its Impressum and privacy notice are. */
export interface MailLayout {
  providerName: string;
  providerAddress: string;
  imprintUrl: string;
  privacyUrl: string;
}

/** The SPA paths of the legal pages (apps/web config/paths.ts has the same). */
export const LEGAL_PATHS = { imprint: '/impressum', privacy: '/datenschutz' } as const;

export function mailLayoutOf(config: AppConfig): MailLayout {
  const { provider } = config;
  const base = config.PUBLIC_URL.replace(/\/+$/, '');
  return {
    providerName: provider.name,
    providerAddress: `${provider.street}, ${provider.postalCode} ${provider.city}`,
    imprintUrl: `${base}${LEGAL_PATHS.imprint}`,
    privacyUrl: `${base}${LEGAL_PATHS.privacy}`,
  };
}

// Set once per process by the app (plugins/outbox.ts) from its configuration, so that every
// caller of sendEmail gets the footer without passing it; the defaults cover scripts without an app.
let layout: MailLayout = mailLayoutOf(loadConfig({}));

export function configureMailLayout(next: MailLayout): void {
  layout = next;
}

/** §5 DDG and Art. 13 GDPR: every mail names the sender and links its Impressum and privacy notice. */
function footerLines(footer: MailLayout): string[] {
  return [
    `${footer.providerName} · ${footer.providerAddress}`,
    `Impressum: ${footer.imprintUrl}`,
    `Datenschutzhinweise: ${footer.privacyUrl}`,
  ];
}

/** The paragraphs as sent: the mail's own, then the closing unless it brings one. */
function bodyOf(message: EmailMessage, footer: MailLayout): string[] {
  return hasClosing(message.paragraphs) ? message.paragraphs : [...message.paragraphs, closing(footer.providerName)];
}

function toHtml(message: EmailMessage, footer: MailLayout): SafeHtml {
  return html`<!doctype html><html lang="de"><body style="font-family:sans-serif;line-height:1.5;color:#1b1f23"><p style="font-weight:700;font-size:18px;color:#08553d;border-bottom:2px solid #0b6e4f;padding-bottom:6px">${footer.providerName}</p>${bodyOf(
    message,
    footer,
  ).map(
    (paragraph) => html`<p style="white-space:pre-wrap">${paragraph}</p>`,
  )}<hr style="border:0;border-top:1px solid #ccc"><p style="font-size:12px;color:#555">${footer.providerName} · ${footer.providerAddress}<br><a href="${footer.imprintUrl}">Impressum</a> · <a href="${footer.privacyUrl}">Datenschutzhinweise</a></p></body></html>`;
}

/**
 * Queues an e-mail. Pass the transaction of the change the mail reports, so that a mail is
 * sent if and only if the change is committed. Delivery happens later (see outbox-sender.ts).
 */
export async function sendEmail(db: DbOrTx, message: EmailMessage) {
  const email = await insertOutboxEmail(db, {
    toAddress: message.to,
    customerId:
      message.customerId !== undefined
        ? message.customerId
        : sql`(select m.customer_id from users u join customer_members m on m.user_id = u.id where lower(u.email) = lower(${message.to}))`,
    subject: message.subject,
    template: message.template,
    textBody: [...bodyOf(message, layout), `-- \n${footerLines(layout).join('\n')}`].join('\n\n'),
    htmlBody: toHtml(message, layout).value,
  });
  if (message.attachments?.length) await insertOutboxAttachments(db, email.id, message.attachments);
  return email;
}
