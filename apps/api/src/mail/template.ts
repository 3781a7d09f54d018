import type { TLanguage } from '@portal/contracts';

/** What a template makes of its parameters in one language; the mailer adds the letter around it. */
export interface MailText {
  subject: string;
  /** Whom the salutation greets: a person's or a company's name, or null for "Dear Sir or Madam". */
  addressee: string | null;
  /** Plain-text paragraphs between salutation and closing; the HTML part escapes every one. */
  paragraphs: string[];
}

/**
 * One e-mail in every portal language. `render` must hold each language (a missing one is a type
 * error, and templates.test.ts renders every template in each).
 */
export interface MailTemplate<P> {
  /** The outbox's template name, e.g. `cancellation.confirmed`. */
  name: string;
  render: Record<TLanguage, (params: P) => MailText>;
}

export function defineTemplate<P>(name: string, render: Record<TLanguage, (params: P) => MailText>): MailTemplate<P> {
  return { name, render };
}
