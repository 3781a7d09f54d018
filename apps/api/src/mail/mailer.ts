import type { TLanguage } from '@portal/contracts';
import { sql } from 'drizzle-orm';
import { type AppConfig, loadConfig } from '../config';
import type { DbOrTx } from '../db/client';
import { html } from '../lib/html';
import type { CustomerId } from '../modules/customers/customer-id';
import { closing, salutation } from './letter';
import { insertOutboxAttachments, insertOutboxEmail } from './outbox.repository';
import type { MailTemplate } from './template';

export interface EmailMessage<P> {
  to: string;
  /**
   * The customer the mail goes to. Omitted: the customer who owns the address now, if any (a mail
   * to an address not yet confirmed, or to a stranger, belongs to nobody: pass null).
   */
  customerId?: CustomerId | null;
  /** The recipient's language (./recipient-language.ts): the whole mail, footer included, is in it. */
  language: TLanguage;
  template: MailTemplate<P>;
  params: P;
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

const footerWords = {
  de: { imprint: 'Impressum', privacy: 'Datenschutzhinweise' },
  en: { imprint: 'Legal notice', privacy: 'Privacy notice' },
} as const;

/** §5 DDG and Art. 13 GDPR: every mail names the sender and links its Impressum and privacy notice. */
function footerLines(footer: MailLayout, language: TLanguage): string[] {
  const words = footerWords[language];
  return [
    `${footer.providerName} · ${footer.providerAddress}`,
    `${words.imprint}: ${footer.imprintUrl}`,
    `${words.privacy}: ${footer.privacyUrl}`,
  ];
}

/** A mail as sent: subject, and the letter's paragraphs from salutation to closing. */
export interface RenderedMail {
  subject: string;
  paragraphs: string[];
  text: string;
  html: string;
}

/** Renders a template in a language into the text and HTML parts, every value escaped in HTML. */
export function renderEmail<P>(
  template: MailTemplate<P>,
  params: P,
  language: TLanguage,
  footer = layout,
): RenderedMail {
  const mail = template.render[language](params);
  const paragraphs = [salutation(mail.addressee, language), ...mail.paragraphs, closing(footer.providerName, language)];
  const words = footerWords[language];
  const htmlPart = html`<!doctype html><html lang="${language}"><body style="font-family:sans-serif;line-height:1.5;color:#1b1f23"><p style="font-weight:700;font-size:18px;color:#08553d;border-bottom:2px solid #0b6e4f;padding-bottom:6px">${footer.providerName}</p>${paragraphs.map(
    (paragraph) => html`<p style="white-space:pre-wrap">${paragraph}</p>`,
  )}<hr style="border:0;border-top:1px solid #ccc"><p style="font-size:12px;color:#555">${footer.providerName} · ${footer.providerAddress}<br><a href="${footer.imprintUrl}">${words.imprint}</a> · <a href="${footer.privacyUrl}">${words.privacy}</a></p></body></html>`;
  return {
    subject: mail.subject,
    paragraphs,
    text: [...paragraphs, `-- \n${footerLines(footer, language).join('\n')}`].join('\n\n'),
    html: htmlPart.value,
  };
}

/**
 * Queues an e-mail. Pass the transaction of the change the mail reports, so that a mail is
 * sent if and only if the change is committed. Delivery happens later (see outbox-sender.ts).
 */
export async function sendEmail<P>(db: DbOrTx, message: EmailMessage<P>) {
  const mail = renderEmail(message.template, message.params, message.language);
  const email = await insertOutboxEmail(db, {
    toAddress: message.to,
    customerId:
      message.customerId !== undefined
        ? message.customerId
        : sql`(select m.customer_id from users u join customer_members m on m.user_id = u.id where lower(u.email) = lower(${message.to}))`,
    subject: mail.subject,
    template: message.template.name,
    textBody: mail.text,
    htmlBody: mail.html,
  });
  if (message.attachments?.length) await insertOutboxAttachments(db, email.id, message.attachments);
  return email;
}
